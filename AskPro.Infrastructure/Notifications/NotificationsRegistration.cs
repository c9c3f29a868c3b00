using AskPro.Core.Notifications;
using AskPro.Infrastructure.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AskPro.Infrastructure.Notifications;

public static class NotificationsRegistration
{
    /// <summary>E-mail (SMTP) and SMS (Twilio) gateways, and the dev outbox in Development.</summary>
    public static IServiceCollection AddAskProNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        var twilio = configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        services.AddSingleton(smtp);
        services.AddSingleton(twilio);
        var development = environment.IsDevelopment();
        services.AddSingleton<DevOutbox>(); // always resolvable (the page says "not found" outside Development); filled only there

        services.AddSingleton<SmtpEmailGateway>();
        services.AddSingleton<IEmailGateway>(sp => new EmailDelivery(
            development ? sp.GetRequiredService<DevOutbox>() : null, smtp.IsConfigured ? sp.GetRequiredService<SmtpEmailGateway>() : null));

        services.AddTransient<TwilioBaseUrlHandler>();
        services.AddHttpClient(TwilioSmsGateway.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(twilio.TimeoutSeconds))
            .AddHttpMessageHandler<TwilioBaseUrlHandler>();
        services.AddSingleton<TwilioSmsGateway>();
        services.AddSingleton<ISmsGateway>(sp => new SmsDelivery(
            development ? sp.GetRequiredService<DevOutbox>() : null, twilio.IsConfigured ? sp.GetRequiredService<TwilioSmsGateway>() : null));

        var messages = configuration.GetSection(MessagesOptions.Section).Get<MessagesOptions>() ?? new MessagesOptions();
        services.AddSingleton(messages);
        services.AddEventSubscriber<CustomerNotices>();
        services.AddScoped<MessageComposer>();
        services.AddSingleton<Waitlist.WaitlistLinks>(); // the composer writes the links of waitlist offers
        services.AddScoped<Core.Notifications.SaveMessageTemplate.IMessageTemplateStore, MessageTemplateStore>();
        services.AddScoped<Core.Notifications.SaveMessageTemplate.SaveMessageTemplate>();
        services.AddScoped<MessageTemplateSettings>();
        services.AddSingleton<MessageSender>();
        if (messages.SenderEnabled) services.AddHostedService(sp => sp.GetRequiredService<MessageSender>());
        return services;
    }
}
