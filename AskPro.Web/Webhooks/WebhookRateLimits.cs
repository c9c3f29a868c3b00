using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace AskPro.Web.Webhooks;

/// <summary>Section "RateLimits": webhook deliveries per source IP and per tenant (Cal.com URL).</summary>
public sealed class WebhookRateLimitOptions
{
    public const string Section = "RateLimits";
    public int WebhooksPerIpPerMinute { get; set; } = 1200;
    public int WebhooksPerTenantPerMinute { get; set; } = 600;
}

public static class WebhookRateLimits
{
    public const string Policy = "webhooks";

    /// <summary>Fixed one-minute windows, partitioned by source IP and, for Cal.com, by tenant
    /// key; a refused delivery gets 429 with Retry-After (providers retry later).</summary>
    public static IServiceCollection AddWebhookRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebhookRateLimitOptions.Section).Get<WebhookRateLimitOptions>() ?? new WebhookRateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Policy, http =>
            {
                var tenant = http.Request.RouteValues.TryGetValue("tenantKey", out var key) ? key?.ToString() : null;
                var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return tenant is null
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + ip, _ => Window(options.WebhooksPerIpPerMinute))
                    : RateLimitPartition.GetFixedWindowLimiter("tenant:" + tenant, _ => Window(Math.Min(options.WebhooksPerTenantPerMinute, options.WebhooksPerIpPerMinute)));
            });
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
