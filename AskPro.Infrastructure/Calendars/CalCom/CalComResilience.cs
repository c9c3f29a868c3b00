using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>The Cal.com HttpClient and its resilience pipeline (Microsoft.Extensions.Http.Resilience
/// on Polly), one pipeline instance per company: a circuit breaker and a rate limiter belong to
/// the pipeline instance that holds them, so selecting the instance by company gives each company
/// its own circuit and its own share of Cal.com's per-key limit.
/// Order, outside in: overall timeout (8 s) → retry (only requests tagged safe; exponential
/// backoff with jitter for 5xx, 408, 429 — honouring Retry-After — network errors and attempt
/// timeouts) → circuit breaker → rate limiter → attempt timeout (3 s).</summary>
public static class CalComResilience
{
    public const string ClientName = "calcom";
    private static readonly HttpRequestOptionsKey<string> Company = new("askpro.calcom.company");
    private static readonly HttpRequestOptionsKey<bool> Safe = new("askpro.calcom.retryable");

    /// <summary>Which company's pipeline a request goes through, and whether it may be sent twice.</summary>
    internal static void Tag(HttpRequestMessage request, Guid companyId, bool retryable)
    {
        request.Options.Set(Company, companyId.ToString("N"));
        request.Options.Set(Safe, retryable);
    }

    public static IServiceCollection AddCalComClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalComOptions>().Bind(configuration.GetSection(CalComOptions.Section))
            .Validate(o => o.IsValid, "CalCom: timeouts > 0 (total ≥ attempt), MaxRetries 0–10, RequestsPerMinute 1–10000, RateWindowSeconds ≥ 0.5, WarmupShare in (0, 1], WarmupDays 1–60, breaker values positive.").ValidateOnStart();
        services.AddSingleton<CalComCircuits>();
        services.AddHttpClient<CalComClient>(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("calcom-per-company", Configure)
            .SelectPipelineBy(_ => request => request.Options.TryGetValue(Company, out var company) ? company : "none");
        return services;
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<CalComOptions>>().Value;
        var circuits = context.ServiceProvider.GetRequiredService<CalComCircuits>();
        var state = new CircuitBreakerStateProvider();
        if (Guid.TryParseExact(context.InstanceName, "N", out var companyId)) circuits.Track(companyId, state);

        builder.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && MaySendTwice(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(options.SamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(options.BreakSeconds),
            StateProvider = state,
        });
        var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromSeconds(options.RateWindowSeconds), SegmentsPerWindow = 6,
            QueueLimit = options.RequestsPerMinute, QueueProcessingOrder = QueueProcessingOrder.OldestFirst, AutoReplenishment = true,
        });
        builder.AddRateLimiter(limiter);
        context.OnPipelineDisposed(limiter.Dispose);
        builder.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
    }

    private static bool MaySendTwice(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(Safe, out var safe) && safe;
}
