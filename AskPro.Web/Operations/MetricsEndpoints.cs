using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Webhooks;

namespace AskPro.Web.Operations;

public static class MetricsEndpoints
{
    /// <summary>/metrics in Prometheus text format (OpenTelemetry's exporter). Before each scrape
    /// the inbox depth is read, so its gauges show the moment of the scrape. No personal data is
    /// ever a label.</summary>
    public static IApplicationBuilder UseMetricsEndpoint(this IApplicationBuilder app) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == "/metrics",
            path: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                var services = context.RequestServices;
                services.GetRequiredService<TenantContext>().EnterPlatformScope("metrics scrape");
                var depth = await InboxDepth.ReadAsync(services.GetRequiredService<AskProDbContext>(), services.GetRequiredService<TimeProvider>(), context.RequestAborted);
                services.GetRequiredService<AskProMetrics>().ObserveInbox(depth);
                await next(context);
            }),
            optionsName: null);
}
