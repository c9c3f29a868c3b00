using System.Collections.Concurrent;
using AskPro.Core.Directory;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>The per-company directory, read once and kept in memory (one snapshot per company
/// per node). It is dropped by <see cref="DirectoryChanges"/> whenever a save touches a company,
/// branch, service, staff member or number, on every node (<see cref="DirectoryStamp"/>); while a
/// node may miss the other nodes' news it reads the database every time.</summary>
internal sealed class TenantDirectory(AskProDbContext db, ITenantContext tenant, DirectorySnapshots snapshots, DirectoryStamp stamp) : ITenantDirectory
{
    public async Task<DirectorySnapshot> GetAsync(CancellationToken ct)
    {
        var company = tenant.RequireTenant();
        var current = stamp.Read(company);
        if (current is not null && snapshots.Entries.TryGetValue(company.Value, out var cached) && cached.Stamp == current) return cached.Snapshot;

        var snapshot = await LoadAsync(ct);
        if (current is not null) snapshots.Entries[company.Value] = (current.Value, snapshot);
        return snapshot;
    }

    private async Task<DirectorySnapshot> LoadAsync(CancellationToken ct)
    {
        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(ct);
        var staff = await db.Staff.AsNoTracking().Include(s => s.Services.Where(x => x.Active)).Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(ct);
        var calCom = await db.CalComSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Active, ct);
        var staffEventTypes = calCom is null ? new List<Core.Calendars.CalComStaffEventType>() : await db.CalComStaffEventTypes.AsNoTracking().ToListAsync(ct);
        return new DirectorySnapshot(company, branches, services, staff) { CalCom = calCom, CalComStaffEventTypes = staffEventTypes };
    }
}

/// <summary>The snapshots of this node, by company.</summary>
internal sealed class DirectorySnapshots
{
    public readonly ConcurrentDictionary<Guid, ((long Epoch, long Version) Stamp, DirectorySnapshot Snapshot)> Entries = new();
}
