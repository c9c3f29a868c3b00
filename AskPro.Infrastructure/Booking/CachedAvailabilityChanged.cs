using AskPro.Core.Booking;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;

namespace AskPro.Infrastructure.Booking;

/// <summary>Drops the tenant's cached availability of every day (UTC) the changed time touches;
/// other days stay cached.</summary>
internal sealed class CachedAvailabilityChanged(ITenantCache cache) : IAvailabilityChanged
{
    public async Task NotifyAsync(IReadOnlyList<TimeInterval> changed, CancellationToken ct)
    {
        var days = changed.SelectMany(BookedTime.UtcDays).Select(d => d.Start.Date).Distinct();
        foreach (var day in days) await cache.InvalidateAsync(BookedTime.CacheArea(day), ct);
    }
}
