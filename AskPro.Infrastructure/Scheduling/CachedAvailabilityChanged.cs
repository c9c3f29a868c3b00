using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Telephony;

namespace AskPro.Infrastructure.Scheduling;

/// <summary>Drops the tenant's cached availability of every day (UTC) the changed time touches;
/// other days stay cached.</summary>
internal sealed class CachedAvailabilityChanged(ITenantCache cache) : IAvailabilityChanged
{
    public async Task NotifyAsync(IReadOnlyList<TimeInterval> changed, CancellationToken ct)
    {
        var days = changed.SelectMany(AgentData.UtcDays).Select(d => d.Start.Date).Distinct();
        foreach (var day in days) await cache.InvalidateAsync(AgentData.CacheArea(day), ct);
    }
}
