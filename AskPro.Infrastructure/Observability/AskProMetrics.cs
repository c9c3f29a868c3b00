using System.Diagnostics.Metrics;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Webhooks;

namespace AskPro.Infrastructure.Observability;

/// <summary>AskPro's instruments (System.Diagnostics.Metrics), exported by OpenTelemetry's
/// Prometheus exporter at /metrics. The exporter adds the Prometheus suffixes: a counter
/// "askpro_webhooks_received" becomes askpro_webhooks_received_total, unit "s" becomes _seconds.</summary>
public sealed class AskProMetrics : IDisposable
{
    public const string MeterName = "AskPro";

    private InboxDepth? _inbox;

    public AskProMetrics()
    {
        WebhooksReceived = Meter.CreateCounter<long>("askpro_webhooks_received", description: "Webhook deliveries by provider, event and outcome.");
        ProcessingSeconds = Meter.CreateHistogram("askpro_webhook_processing", unit: "s", description: "Time to apply one inbox item.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        Meter.CreateObservableGauge("askpro_inbox_items", ObserveInboxItems, description: "Inbox items by status.");
        Meter.CreateObservableGauge("askpro_inbox_oldest_pending", ObserveOldestPending, unit: "s", description: "Age of the oldest pending inbox item.");
    }

    public Meter Meter { get; } = new(MeterName);
    public Counter<long> WebhooksReceived { get; }
    public Histogram<double> ProcessingSeconds { get; }

    public void Received(string provider, string eventType, string outcome) =>
        WebhooksReceived.Add(1, new("provider", provider), new("event", eventType), new("outcome", outcome));

    /// <summary>The inbox as read at the start of a scrape (the gauges' callbacks cannot query
    /// the database themselves: they run synchronously inside the exporter).</summary>
    public void ObserveInbox(InboxDepth depth) => _inbox = depth;

    private IEnumerable<Measurement<int>> ObserveInboxItems() =>
        _inbox is { } inbox ? inbox.ByStatus.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("status", s.Key.ToString()))) : [];

    private IEnumerable<Measurement<double>> ObserveOldestPending() =>
        _inbox is { } inbox ? [new Measurement<double>(inbox.OldestPending.TotalSeconds)] : [];

    public void Dispose() => Meter.Dispose();
}
