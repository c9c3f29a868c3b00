using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Scheduling;

/// <summary>Holds in the database, one row per 5-minute granule with a unique index on (staff,
/// granule): two calls can never hold overlapping time. Used when Redis is not configured.</summary>
internal sealed class DatabaseHoldStore(AskProDbContext db, TimeProvider clock) : IHoldStore
{
    public async Task<bool> TryHoldAsync(string callId, Guid staffId, TimeInterval blocked, TimeSpan ttl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var granules = blocked.Granules(SlotClaim.Granule).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SlotHolds.Where(h => h.StaffId == staffId && granules.Contains(h.GranuleStartUtc) && h.ExpiresAtUtc <= now).ExecuteDeleteAsync(ct);
            var existing = await db.SlotHolds.Where(h => h.StaffId == staffId && granules.Contains(h.GranuleStartUtc)).ToListAsync(ct);
            if (existing.Any(h => h.CallId != callId)) return false;

            foreach (var own in existing) own.ExpiresAtUtc = now + ttl;
            db.SlotHolds.AddRange(granules.Where(g => existing.All(h => h.GranuleStartUtc != g))
                .Select(g => new SlotHold { StaffId = staffId, GranuleStartUtc = g, CallId = callId, ExpiresAtUtc = now + ttl }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<IReadOnlyList<BusyTime>> HeldByOthersAsync(string callId, TimeInterval range, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.SlotHolds.AsNoTracking()
            .Where(h => h.CallId != callId && h.ExpiresAtUtc > now && h.GranuleStartUtc >= range.Start.AddHours(-12) && h.GranuleStartUtc < range.End)
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
