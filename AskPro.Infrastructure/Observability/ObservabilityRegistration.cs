using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Observability;

public static class ObservabilityRegistration
{
    public static IServiceCollection AddAskProMetrics(this IServiceCollection services)
    {
        // Created here, not on first use: the exporter counts from the first measurement on.
        var metrics = new AskProMetrics();
        services.AddSingleton(metrics);
        services.AddSingleton(new PrometheusExporter(metrics));
        return services;
    }
}
