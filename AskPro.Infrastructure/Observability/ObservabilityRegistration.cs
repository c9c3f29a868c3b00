using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AskPro.Infrastructure.Observability;

public static class ObservabilityRegistration
{
    /// <summary>OpenTelemetry metrics for /metrics: AskPro's own series, ASP.NET Core's HTTP
    /// server metrics (http_server_request_duration_seconds per route, Kestrel connections) and
    /// the .NET runtime's (GC, thread pool, CPU, memory).</summary>
    public static IServiceCollection AddAskProMetrics(this IServiceCollection services)
    {
        // Created here, not on first use, so the view below can tell this app's meter apart.
        var askpro = new AskProMetrics();
        services.AddSingleton(askpro);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(AskProMetrics.MeterName)
            // Meters are matched by name: another AskPro host in the same process (the tests run
            // several) must not count into this one's series.
            .AddView(instrument => instrument.Meter.Name == AskProMetrics.MeterName && instrument.Meter != askpro.Meter ? MetricStreamConfiguration.Drop : null)
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddPrometheusExporter(o =>
            {
                // Every scrape sees the counts of that moment (the default caches answers for 300 ms).
                o.ScrapeResponseCacheDurationMilliseconds = 0;
                // The series keep the labels they always had: no otel_scope_* label on each.
                o.ScopeInfoEnabled = false;
            }));
        return services;
    }
}
