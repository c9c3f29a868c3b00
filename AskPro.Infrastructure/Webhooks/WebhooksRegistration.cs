using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Webhooks;

public static class WebhooksRegistration
{
    public static IServiceCollection AddAskProWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddSingleton(options);
        services.AddScoped<RetellCallEvents>();
        services.AddScoped<CalComBookingEvents>();
        services.AddSingleton<InboxWorker>();
        if (options.WorkerEnabled) services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
        return services;
    }
}
