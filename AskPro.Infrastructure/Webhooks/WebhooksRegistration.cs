using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Webhooks;

public static class WebhooksRegistration
{
    public static IServiceCollection AddAskProWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddSingleton(options);
        var redis = configuration.GetSection(Caching.RedisOptions.Section).Get<Caching.RedisOptions>() ?? new Caching.RedisOptions();
        if (redis.Enabled) services.AddSingleton<Core.Webhooks.IDeliveryDeduplicator, RedisDeduplicator>();
        else services.AddSingleton<Core.Webhooks.IDeliveryDeduplicator, NoDeduplicator>();
        // One line per (provider, event type); the provider's other events are stored with no effect
        // (Retell's transcript_updated, transfer_*, call_inbound; Cal.com's BOOKING_REQUESTED, …).
        services.AddInboxHandler<RetellCallEvents>(RetellCallEvents.Provider, ["call_started", "call_ended", "call_analyzed"], (h, item, ct) => h.ApplyAsync(item, ct));
        services.AddInboxHandler<CalComBookingEvents>(CalComBookingEvents.Provider, ["BOOKING_CREATED"], (h, item, ct) => h.CreatedAsync(item, ct));
        services.AddInboxHandler<CalComBookingEvents>(CalComBookingEvents.Provider, ["BOOKING_RESCHEDULED"], (h, item, ct) => h.RescheduledAsync(item, ct));
        services.AddInboxHandler<CalComBookingEvents>(CalComBookingEvents.Provider, ["BOOKING_CANCELLED"], (h, item, ct) => h.CancelledAsync(item, ct));
        services.AddInboxHandler<CalComBookingEvents>(CalComBookingEvents.Provider, ["BOOKING_REQUESTED", "BOOKING_REJECTED"], (h, item, ct) => h.FreeTimeChangedAsync(item, ct));
        services.AddSingleton<WebhookIntake>();
        services.AddScoped<InboxReplay>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<InboxWorker>();
        if (options.WorkerEnabled) services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        return services;
    }
}
