using AskPro.Infrastructure.Events.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Events;

public static class EventsRegistration
{
    /// <summary>The outbox, its dispatcher and the subscribers: one line per subscriber.</summary>
    public static IServiceCollection AddAskProEvents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddSingleton(options);
        services.AddEventSubscriber<AuditTrail>();
        services.AddEventSubscriber<CallLinks>();
        services.AddEventSubscriber<EndedCallHolds>();
        services.AddEventSubscriber<CalendarFeed>();
        services.AddEventSubscriber<AgentSync>();
        services.AddEventSubscriber<Calendars.CalComCancellations>();
        services.AddEventSubscriber<Calendars.CalComMoves>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CompanyDirectory.DirectoryEvents>();
        services.AddSingleton<CalendarChanges>();
        services.AddSingleton<Outbox>();
        services.AddScoped<Portal.IOutboxQueries, Portal.OutboxQueries>();
        services.AddSingleton<OutboxDispatcher>();
        if (options.DispatcherEnabled) services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
