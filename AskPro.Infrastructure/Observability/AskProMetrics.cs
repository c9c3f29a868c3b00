using System.Diagnostics.Metrics;

namespace AskPro.Infrastructure.Observability;

/// <summary>AskPro's instruments (System.Diagnostics.Metrics). Exported at /metrics by
/// <see cref="PrometheusExporter"/>, and to OTLP by anyone who listens to the "AskPro" meter.</summary>
public sealed class AskProMetrics : IDisposable
{
    public const string MeterName = "AskPro";
    public AskProMetrics()
    {
        WebhooksReceived = Meter.CreateCounter<long>("askpro_webhooks_received_total", description: "Webhook deliveries by provider, event and outcome.");
        ProcessingSeconds = Meter.CreateHistogram<double>("askpro_webhook_processing_seconds", unit: "s", description: "Time to apply one inbox item.");
    }

    public Meter Meter { get; } = new(MeterName);
    public Counter<long> WebhooksReceived { get; }
    public Histogram<double> ProcessingSeconds { get; }

    public void Received(string provider, string eventType, string outcome) =>
        WebhooksReceived.Add(1, new("provider", provider), new("event", eventType), new("outcome", outcome));

    public void Dispose() => Meter.Dispose();
}
