using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AskPro.Web.Accounts;

/// <summary>Sign-ups per source IP (section "RateLimits", <c>SignUpsPerIpPerHour</c>): each one
/// creates a company and sends an e-mail, so a script must not create thousands. Only the form
/// posts count; reading the page is free.</summary>
public static class SignUpRateLimit
{
    public const string Policy = "signup";

    public static IServiceCollection AddSignUpRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perHour = Math.Max(1, configuration.GetValue("RateLimits:SignUpsPerIpPerHour", 10));
        services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("signup:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("signup:read"));
            var earlier = limiter.OnRejected;
            limiter.OnRejected = async (context, ct) =>
            {
                if (earlier is not null) await earlier(context, ct);
                if (!context.HttpContext.Request.Path.StartsWithSegments("/signup")) return;
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Zu viele Registrierungen von diesem Anschluss. Bitte versuchen Sie es in einer Stunde noch einmal.", ct);
            };
        });
        return services;
    }
}
