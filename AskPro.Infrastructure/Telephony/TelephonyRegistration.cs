using AskPro.Core.Calendars;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Infrastructure.Caching;
using AskPro.Infrastructure.Calendars;
using AskPro.Infrastructure.Booking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AskPro.Infrastructure.Telephony.Retell;

namespace AskPro.Infrastructure.Telephony;

public static class TelephonyRegistration
{
    /// <summary>The phone path: the called number, call records, the agent functions (a thin
    /// translation onto the booking engine) and the function log.</summary>
    public static IServiceCollection AddAskProTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetellOptions>().Bind(configuration.GetSection(RetellOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CalledNumber>();
        services.AddScoped<CallRecords>();
        services.AddSingleton<CallSelections>();
        services.AddSingleton<FunctionLog>();
        services.AddHostedService(sp => sp.GetRequiredService<FunctionLog>());
        services.AddScoped<IAgentData, AgentData>();
        services.AddScoped<AgentFunctions>();
        services.AddScoped<FunctionCallHandler>();
        services.AddRetellProvisioning(configuration);
        return services;
    }
}
