using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;

namespace AskPro.Infrastructure.Booking;

/// <summary>Holds in this process, for the single-node installation (SQLite): the same rules as
/// the Redis and database stores — per 5-minute granule, two calls never hold overlapping time,
/// re-holding extends a call's own hold — without a write per offered slot. A restart forgets
/// holds, which only costs fairness for a few minutes; the slot claims still decide bookings.</summary>
internal sealed class MemoryHoldStore(ITenantContext tenant, MemoryHoldStore.Table table, TimeProvider clock) : IHoldStore
{
    /// <summary>All tenants' holds: (staff, granule) → (call, expiry), one lock per tenant.</summary>
    internal sealed class Table
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Dictionary<(Guid Staff, DateTime Granule), (string Call, DateTime Expires)>> Tenants = new();
    }

    private Dictionary<(Guid Staff, DateTime Granule), (string Call, DateTime Expires)> Holds =>
        table.Tenants.GetOrAdd(tenant.RequireTenant().Value, _ => []);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<int> HoldAsync(string callId, IReadOnlyList<SlotToHold> slots, TimeSpan ttl, CancellationToken ct)
    {
        var holds = Holds;
        var held = 0;
        lock (holds)
        {
            var now = Now;
            foreach (var slot in slots)
            {
                var granules = slot.Blocked.Granules(SlotClaim.Granule).Select(g => (slot.StaffId, g)).ToList();
                if (granules.Any(g => holds.TryGetValue(g, out var h) && h.Expires > now && h.Call != callId)) continue;
                foreach (var g in granules) holds[g] = (callId, now + ttl);
                held++;
            }
        }
        return Task.FromResult(held);
    }

    public Task<IReadOnlyList<BusyTime>> HeldByOthersAsync(string callId, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct)
    {
        var holds = Holds;
        var from = range.Start.AddHours(-12);
        lock (holds)
        {
            var now = Now;
            IReadOnlyList<BusyTime> busy = holds
                .Where(h => h.Value.Call != callId && h.Value.Expires > now && h.Key.Granule >= from && h.Key.Granule < range.End && staffIds.Contains(h.Key.Staff))
                .Select(h => new BusyTime(h.Key.Staff, new TimeInterval(h.Key.Granule, h.Key.Granule + SlotClaim.Granule)))
                .ToList();
            return Task.FromResult(busy);
        }
    }

    public Task ReleaseAsync(string callId, CancellationToken ct)
    {
        var holds = Holds;
        lock (holds)
        {
            foreach (var key in holds.Where(h => h.Value.Call == callId).Select(h => h.Key).ToList()) holds.Remove(key);
        }
        return Task.CompletedTask;
    }

    public Task<int> RemoveExpiredAsync(CancellationToken ct)
    {
        var removed = 0;
        foreach (var holds in table.Tenants.Values)
        {
            lock (holds)
            {
                var now = Now;
                foreach (var key in holds.Where(h => h.Value.Expires <= now).Select(h => h.Key).ToList())
                {
                    holds.Remove(key);
                    removed++;
                }
            }
        }
        return Task.FromResult(removed);
    }
}
