using AskPro.Core.Waitlist;
using AskPro.Core.Waitlist.JoinWaitlist;
using AskPro.Core.Waitlist.TakeOffer;
using AskPro.Infrastructure.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Waitlist;

public static class WaitlistRegistration
{
    /// <summary>Joining the waitlist, freed slots offered to it (an event subscriber), and taking an offer.</summary>
    public static IServiceCollection AddAskProWaitlist(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(WaitlistOptions.Section).Get<WaitlistOptions>() ?? new WaitlistOptions());
        services.AddScoped<IWaitlistStore, WaitlistStore>();
        services.AddScoped<JoinWaitlist>();
        services.AddScoped<TakeWaitlistOffer>();
        services.AddScoped<WaitlistOfferCalls>();
        services.AddEventSubscriber<WaitlistRefill>();
        return services;
    }
}
