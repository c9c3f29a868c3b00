using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AskPro.Web.OnlineBooking;

/// <summary>The public booking page's options, bot protection and page-load limit.</summary>
public static class OnlineBookingRegistration
{
    public static IServiceCollection AddOnlineBooking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OnlineBookingOptions>().Bind(configuration.GetSection(OnlineBookingOptions.Section))
            .Validate(o => o.MinSecondsToSubmit >= 0 && o.MaxFormMinutes > 0 && o.AttemptsPerIpPerHour > 0 && o.AttemptsPerPhonePerDay > 0 && o.PageLoadsPerIpPerMinute > 0,
                "OnlineBooking limits must be positive.")
            .ValidateOnStart();
        // Antiforgery would add "X-Frame-Options: SAMEORIGIN" to the booking page, which a company's
        // website embeds; every other page already gets DENY from SecurityHeadersMiddleware.
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true);
        services.AddSingleton<BookingAttemptLimits>();
        services.AddSingleton<BookingFormToken>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(BookingAttemptLimits.PagePolicy, http =>
        {
            var permits = http.RequestServices.GetRequiredService<IOptions<OnlineBookingOptions>>().Value.PageLoadsPerIpPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter("booking-ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }
}
