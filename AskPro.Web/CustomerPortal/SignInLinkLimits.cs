using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AskPro.Web.CustomerPortal;

/// <summary>Sign-in link requests, counted per visitor address and per e-mail address or phone
/// number in fixed hourly windows (in memory, per node), so nobody floods a customer's inbox or
/// phone, or probes addresses. Requests are circuit events, so the HTTP limiter cannot count them.</summary>
public sealed class SignInLinkLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byIp;
    private readonly PartitionedRateLimiter<string> _byAddress;

    public SignInLinkLimits(IOptions<CustomerPortalOptions> options)
    {
        var o = options.Value;
        _byIp = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => Hourly(o.LinksPerIpPerHour)));
        _byAddress = PartitionedRateLimiter.Create<string, string>(a => RateLimitPartition.GetFixedWindowLimiter(a, _ => Hourly(o.LinksPerAddressPerHour)));
    }

    /// <summary>Counts one request; false when the visitor or the address has used up its hour.</summary>
    public bool TryRequest(string ip, string addressKey)
    {
        using var byIp = _byIp.AttemptAcquire(ip);
        if (!byIp.IsAcquired) return false;
        using var byAddress = _byAddress.AttemptAcquire(addressKey);
        return byAddress.IsAcquired;
    }

    public void Dispose()
    {
        _byIp.Dispose();
        _byAddress.Dispose();
    }

    private static FixedWindowRateLimiterOptions Hourly(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromHours(1), QueueLimit = 0 };
}
