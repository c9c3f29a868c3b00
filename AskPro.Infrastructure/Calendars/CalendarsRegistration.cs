using AskPro.Infrastructure.Calendars.CalCom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskPro.Infrastructure.Calendars;

public static class CalendarsRegistration
{
    /// <summary>The external calendars a company can book into: Cal.com's client with its
    /// per-company resilience, and its circuits in the health checks.</summary>
    public static IServiceCollection AddAskProCalendars(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder health)
    {
        services.AddCalComClient(configuration);
        health.AddCheck<CalComHealthCheck>("calcom", HealthStatus.Degraded, ["calendars"]);
        return services;
    }
}
