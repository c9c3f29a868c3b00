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
    /// <summary>All tenants' holds, one lock per tenant. Granules are kept per staff member and
    /// UTC day, so a search reads the days it covers instead of every hold of the company
    /// (scanning them all was an eighth of a check's CPU once many calls held time).</summary>
    internal sealed class Table
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, TenantHolds> Tenants = new();
    }

    internal sealed class TenantHolds
    {
        public readonly Dictionary<(Guid Staff, DateTime Day), Dictionary<DateTime, (string Call, DateTime Expires)>> Days = [];

        public bool TryGet(Guid staff, DateTime granule, out (string Call, DateTime Expires) hold)
        {
            hold = default;
            return Days.TryGetValue((staff, granule.Date), out var day) && day.TryGetValue(granule, out hold);
        }

        public void Set(Guid staff, DateTime granule, (string Call, DateTime Expires) hold)
        {
            if (!Days.TryGetValue((staff, granule.Date), out var day)) Days[(staff, granule.Date)] = day = [];
            day[granule] = hold;
        }

        /// <summary>Removes the holds that match and the days left empty; returns how many went.</summary>
        public int RemoveWhere(Func<(string Call, DateTime Expires), bool> match)
        {
            var removed = 0;
            foreach (var (key, day) in Days.ToList())
            {
                foreach (var granule in day.Where(g => match(g.Value)).Select(g => g.Key).ToList())
                {
                    day.Remove(granule);
                    removed++;
                }
                if (day.Count == 0) Days.Remove(key);
            }
            return removed;
        }
    }

    private TenantHolds Holds => table.Tenants.GetOrAdd(tenant.RequireTenant().Value, _ => new TenantHolds());

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
                var granules = slot.Blocked.Granules(SlotClaim.Granule).ToList();
                if (granules.Any(g => holds.TryGet(slot.StaffId, g, out var h) && h.Expires > now && h.Call != callId)) continue;
                foreach (var g in granules) holds.Set(slot.StaffId, g, (callId, now + ttl));
                held++;
            }
        }
        return Task.FromResult(held);
    }

    public Task<IReadOnlyList<BusyTime>> HeldByOthersAsync(string callId, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct)
    {
        var holds = Holds;
        var from = range.Start.AddHours(-12);
        var busy = new List<BusyTime>();
        lock (holds)
        {
            var now = Now;
            foreach (var staff in staffIds)
                for (var date = from.Date; date < range.End; date = date.AddDays(1))
                {
                    if (!holds.Days.TryGetValue((staff, date), out var day)) continue;
                    foreach (var (granule, hold) in day)
                        if (hold.Call != callId && hold.Expires > now && granule >= from && granule < range.End)
                            busy.Add(new BusyTime(staff, new TimeInterval(granule, granule + SlotClaim.Granule)));
                }
        }
        return Task.FromResult<IReadOnlyList<BusyTime>>(busy);
    }

    public Task ReleaseAsync(string callId, CancellationToken ct)
    {
        var holds = Holds;
        lock (holds) holds.RemoveWhere(h => h.Call == callId);
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
                removed += holds.RemoveWhere(h => h.Expires <= now);
            }
        }
        return Task.FromResult(removed);
    }
}
