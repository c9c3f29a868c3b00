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
        services.AddScoped<RetellCallEvents>();
        services.AddScoped<CalComBookingEvents>();
        services.AddScoped<InboxReplay>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<InboxWorker>();
        if (options.WorkerEnabled) services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        return services;
    }
}
