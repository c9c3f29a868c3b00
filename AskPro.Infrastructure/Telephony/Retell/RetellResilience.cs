using AskPro.Core.Telephony.Provisioning;
using AskPro.Core.Telephony.Provisioning.ProvisionAgent;
using AskPro.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AskPro.Infrastructure.Telephony.Retell;

/// <summary>Retell's API client for provisioning and its resilience pipeline (one workspace per
/// installation, so one pipeline): overall timeout → retry (updates and deletes only: a create
/// sent twice would make a second LLM, agent or number; exponential backoff with jitter on 5xx,
/// 408, 429 and network errors) → circuit breaker → attempt timeout. Provisioning is a
/// company admin's click, not a live call: the timeouts are seconds, not milliseconds.</summary>
public static class RetellResilience
{
    public const string ClientName = "retell-api";
    private static readonly HttpRequestOptionsKey<bool> Safe = new("askpro.retell.retryable");

    internal static void Tag(HttpRequestMessage request, bool retryable) => request.Options.Set(Safe, retryable);

    /// <summary>The port, its adapter, the agent rows and the provisioning use case. The public
    /// base URL (Messages:PublicBaseUrl) decides where Retell sends function calls and events.</summary>
    public static IServiceCollection AddRetellProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<IVoiceAgentPlatform, RetellAgentApi>(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("retell-api", Configure);
        services.AddScoped<IVoiceAgentStore, VoiceAgentStore>();
        services.TryAddScoped<AskPro.Infrastructure.Portal.PlatformScope>();
        services.AddSingleton(sp =>
        {
            var root = (configuration.GetSection(MessagesOptions.Section).Get<MessagesOptions>() ?? new MessagesOptions()).PublicBaseUrl.TrimEnd('/') + "/";
            var retell = sp.GetRequiredService<IOptions<RetellOptions>>().Value;
            return new AgentEndpoints(new Uri(new Uri(root), "api/retell/functions"), new Uri(new Uri(root), "api/webhooks/retell"), retell.VoiceId);
        });
        services.AddScoped<ProvisionAgent>();
        services.AddScoped<Core.Telephony.PhoneNumbers.IAgentNumberStore, AgentNumberStore>();
        services.AddScoped<Core.Telephony.PhoneNumbers.ImportNumber.ImportNumber>();
        services.AddScoped<Core.Telephony.PhoneNumbers.BuyNumber.BuyNumber>();
        return services;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<RetellOptions>>().Value;
        builder.AddTimeout(TimeSpan.FromSeconds(Math.Max(options.TotalTimeoutSeconds, options.AttemptTimeoutSeconds)));
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && MaySendTwice(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.8, MinimumThroughput = 10, SamplingDuration = TimeSpan.FromSeconds(60), BreakDuration = TimeSpan.FromSeconds(15),
        });
        builder.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
    }

    private static bool MaySendTwice(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(Safe, out var safe) && safe;
}
