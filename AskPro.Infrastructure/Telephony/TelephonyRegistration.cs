using AskPro.Core.Calendars;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Infrastructure.Caching;
using AskPro.Infrastructure.Calendars;
using AskPro.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AskPro.Infrastructure.Telephony;

public static class TelephonyRegistration
{
    /// <summary>The phone booking engine: agent functions, holds (Redis or database), the
    /// built-in calendar and the availability-changed notification.</summary>
    public static IServiceCollection AddAskProTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetellOptions>().Bind(configuration.GetSection(RetellOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.Section))
            .Validate(o => o.HoldMinutes is >= 1 and <= 60 && o.HorizonDays is >= 1 and <= 730, "Agent: HoldMinutes 1–60, HorizonDays 1–730.").ValidateOnStart();
        services.AddScoped(sp => sp.GetRequiredService<IOptions<AgentOptions>>().Value);

        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (redis.Enabled) services.AddScoped<IHoldStore, RedisHoldStore>();
        else services.AddScoped<IHoldStore, DatabaseHoldStore>();

        services.AddScoped<IAvailabilityChanged, CachedAvailabilityChanged>();
        services.AddScoped<ICalendarProvider, BuiltInCalendar>();
        services.AddSingleton<IPublicHolidayCalendar, PublicHolidayCalendar>();
        services.AddScoped<IAgentData, AgentData>();
        services.AddScoped<AgentFunctions>();
        services.AddScoped<FunctionCallHandler>();
        return services;
    }
}
