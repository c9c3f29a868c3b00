using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

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
            var counts = await db.Inbox.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var oldest = await db.Inbox.Where(i => i.Status == InboxStatus.Pending).OrderBy(i => i.ReceivedAt).Select(i => (DateTime?)i.ReceivedAt).FirstOrDefaultAsync(ct);
            var gauges = Enum.GetValues<InboxStatus>()
                .Select(s => ("askpro_inbox_items", "Inbox items by status.", $"status=\"{s}\"", (double)(counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)))
                .Append(("askpro_inbox_oldest_pending_seconds", "Age of the oldest pending inbox item.", "", oldest is { } o ? (clock.GetUtcNow().UtcDateTime - o).TotalSeconds : 0))
                .ToList();
            return Results.Text(exporter.Render(gauges), "text/plain; version=0.0.4; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
