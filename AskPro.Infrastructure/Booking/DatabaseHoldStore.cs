using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Booking;

/// <summary>Holds in the database, one row per 5-minute granule with a unique index on (staff,
/// granule): two calls can never hold overlapping time. Used when Redis is not configured.</summary>
internal sealed class DatabaseHoldStore(AskProDbContext db, TimeProvider clock) : IHoldStore
{
    /// <summary>All offered slots in one transaction: expired rows go first, slots another call
    /// holds are skipped, the rest are inserted (or extended when they are the call's own).</summary>
    public async Task<int> HoldAsync(string callId, IReadOnlyList<SlotToHold> slots, TimeSpan ttl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = slots.Select(s => (s.StaffId, Granules: s.Blocked.Granules(SlotClaim.Granule).ToList())).ToList();
        var staffIds = wanted.Select(w => w.StaffId).Distinct().ToList();
        // A range (not a list of granules) lets both providers use the (staff, granule) index.
        var from = wanted.Min(w => w.Granules[0]);
        var to = wanted.Max(w => w.Granules[^1]);

        try
        {
            // Harmless to redo after a lost commit answer: the redo finds the call's own holds and extends them.
            return await db.InTransactionAsync(async token =>
            {
                await db.SlotHolds.Where(h => staffIds.Contains(h.StaffId) && h.GranuleStartUtc >= from && h.GranuleStartUtc <= to && h.ExpiresAtUtc <= now).ExecuteDeleteAsync(token);
                var existing = await db.SlotHolds.Where(h => staffIds.Contains(h.StaffId) && h.GranuleStartUtc >= from && h.GranuleStartUtc <= to).ToListAsync(token);
                var held = 0;
                foreach (var (staffId, granules) in wanted)
                {
                    var mine = existing.Where(h => h.StaffId == staffId && granules.Contains(h.GranuleStartUtc)).ToList();
                    if (mine.Any(h => h.CallId != callId)) continue;
                    foreach (var own in mine) own.ExpiresAtUtc = now + ttl;
                    var added = granules.Where(g => mine.All(h => h.GranuleStartUtc != g))
                        .Select(g => new SlotHold { StaffId = staffId, GranuleStartUtc = g, CallId = callId, ExpiresAtUtc = now + ttl }).ToList();
                    db.SlotHolds.AddRange(added);
                    existing.AddRange(added);
                    held++;
                }
                await db.SaveChangesAsync(token);
                return held;
            }, committed: null, ct);
        }
        catch (Exception ex) when (DatabaseMigrator.IsUniqueViolation(ex) || DatabaseMigrator.IsDeadlock(ex))
        {
            // Another call took some of this time at the same moment (or wanted it in another
            // order and the database aborted this one, also on the retries): nothing is held this
            // time; booking is still guarded by the slot claims.
            return 0;
        }
    }

    public async Task<IReadOnlyList<BusyTime>> HeldByOthersAsync(string callId, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.SlotHolds.AsNoTracking()
            .Where(h => staffIds.Contains(h.StaffId) && h.GranuleStartUtc >= range.Start.AddHours(-12) && h.GranuleStartUtc < range.End
                        && h.CallId != callId && h.ExpiresAtUtc > now)
            .Select(h => new { h.StaffId, h.GranuleStartUtc })
            .ToListAsync(ct);
        return rows.Select(h => new BusyTime(h.StaffId, new TimeInterval(h.GranuleStartUtc, h.GranuleStartUtc + SlotClaim.Granule))).ToList();
    }

    public Task ReleaseAsync(string callId, CancellationToken ct) =>
        db.SlotHolds.Where(h => h.CallId == callId).ExecuteDeleteAsync(ct);

    public Task<int> RemoveExpiredAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.SlotHolds.Where(h => h.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
    }
}
