using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Webhooks;

namespace AskPro.Web.Operations;

public static class MetricsEndpoints
{
    /// <summary>Prometheus text format: counters and histograms from the AskPro meter, plus
    /// inbox depth per status and the oldest pending item's age, read at scrape time. No
    /// personal data is ever a label.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (PrometheusExporter exporter, AskProDbContext db, TenantContext tenant, TimeProvider clock, CancellationToken ct) =>
        {
            tenant.EnterPlatformScope("metrics scrape");
            var depth = await InboxDepth.ReadAsync(db, clock, ct);
            var gauges = depth.ByStatus
                .Select(s => ("askpro_inbox_items", "Inbox items by status.", $"status=\"{s.Key}\"", (double)s.Value))
                .Append(("askpro_inbox_oldest_pending_seconds", "Age of the oldest pending inbox item.", "", depth.OldestPending.TotalSeconds))
                .ToList();
            return Results.Text(exporter.Render(gauges), "text/plain; version=0.0.4; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
