using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AskPro.Web.Api;

/// <summary>Requests per API key and minute (section "RateLimits", <c>ApiRequestsPerKeyPerMinute</c>,
/// default 300): one company's script in a loop must not slow the phone path of everyone else.
/// Each key has its own window, so a noisy key never uses up another's; a refused request gets
/// 429 with Retry-After and a problem body.</summary>
public static class ApiRateLimits
{
    public const string Policy = "api";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(1, configuration.GetValue("RateLimits:ApiRequestsPerKeyPerMinute", 300));
        services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                "api:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous:" + http.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            var earlier = limiter.OnRejected;
            limiter.OnRejected = async (context, ct) =>
            {
                if (earlier is not null) await earlier(context, ct); // sets Retry-After
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api/v1")) return;
                await TypedResults.Problem($"More than {perMinute} requests per minute with this API key; repeat after the Retry-After header's seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
