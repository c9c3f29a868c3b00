using AskPro.Core.Calendars;
using AskPro.Infrastructure.Calendars.CalCom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskPro.Infrastructure.Calendars;

public static class CalendarsRegistration
{
    /// <summary>The calendar a company books into (<see cref="CompanyCalendar"/>: built-in or
    /// Cal.com) and Cal.com's client with its per-company resilience. Part of the booking engine.</summary>
    public static IServiceCollection AddAskProCalendars(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCalComClient(configuration);
        services.AddScoped<BuiltInCalendar>();
        services.AddScoped<CalComCalendar>();
        services.AddScoped<ICalendarProvider, CompanyCalendar>();
        return services;
    }

    /// <summary>Each company's Cal.com circuit in the health checks (not in readiness).</summary>
    public static IHealthChecksBuilder AddCalComCircuits(this IHealthChecksBuilder health) =>
        health.AddCheck<CalComHealthCheck>("calcom", HealthStatus.Degraded, ["calendars"]);
}
