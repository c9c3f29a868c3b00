using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Observability;

public static class ObservabilityRegistration
{
    public static IServiceCollection AddAskProMetrics(this IServiceCollection services)
    {
        // The exporter listens from the first instrument on, so it is created here, eagerly.
        services.AddSingleton(new PrometheusExporter());
        services.AddSingleton<AskProMetrics>();
        return services;
    }
}
