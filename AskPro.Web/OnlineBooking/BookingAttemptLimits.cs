using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AskPro.Web.OnlineBooking;

/// <summary>Booking attempts from the public page, counted per visitor address and per phone
/// number in fixed windows (in memory, per node: a bot is slowed, not metered). The page's
/// attempts are circuit events, not HTTP requests, so the middleware's limiter cannot see them;
/// page loads go through the middleware's <see cref="PagePolicy"/>.</summary>
public sealed class BookingAttemptLimits : IDisposable
{
    public const string PagePolicy = "online-booking";

    private readonly PartitionedRateLimiter<string> _byIp;
    private readonly PartitionedRateLimiter<string> _byPhone;

    public BookingAttemptLimits(IOptions<OnlineBookingOptions> options)
    {
        var o = options.Value;
        _byIp = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => Window(o.AttemptsPerIpPerHour, TimeSpan.FromHours(1))));
        _byPhone = PartitionedRateLimiter.Create<string, string>(phone => RateLimitPartition.GetFixedWindowLimiter(phone, _ => Window(o.AttemptsPerPhonePerDay, TimeSpan.FromDays(1))));
    }

    /// <summary>Counts one attempt; false when the address or the number has used up its window.</summary>
    public bool TryAttempt(string ip, string? phoneE164)
    {
        using var byIp = _byIp.AttemptAcquire(ip);
        if (!byIp.IsAcquired) return false;
        if (phoneE164 is null) return true;
        using var byPhone = _byPhone.AttemptAcquire(phoneE164);
        return byPhone.IsAcquired;
    }

    public void Dispose()
    {
        _byIp.Dispose();
        _byPhone.Dispose();
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 };
}
