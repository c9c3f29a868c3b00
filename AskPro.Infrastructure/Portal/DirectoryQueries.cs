using AskPro.Core.Directory;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

public sealed record BranchRow(
    Guid Id, string Name, string Street, string PostalCode, string City, string CountryCode, string Region, string TimeZoneId, E164Number? Phone,
    IReadOnlyList<WeeklyInterval> OpeningHours, IReadOnlyList<Closure> Closures, IReadOnlyList<string> OpenOnHolidays);

public sealed record ServiceRow(
    Guid Id, string Name, int DurationMinutes, int BufferMinutes, long PriceCents, int MinimumNoticeMinutes, int CancellationNoticeHours,
    bool Active, string Aliases, IReadOnlyList<Guid> StaffIds);

public sealed record StaffRow(
    Guid Id, string Name, Guid BranchId, string? Email, bool Active, IReadOnlyList<WeeklyInterval> WorkingHours, IReadOnlyList<Guid> ServiceIds,
    IReadOnlyList<Absence> Absences);

/// <summary>The directory as the settings pages edit it: every branch, service and staff member
/// of the company, active or not (a company has tens of these, never thousands: no paging).</summary>
public interface IDirectoryQueries
{
    Task<IReadOnlyList<BranchRow>> BranchesAsync(CancellationToken ct);
    Task<IReadOnlyList<ServiceRow>> ServicesAsync(CancellationToken ct);
    Task<IReadOnlyList<StaffRow>> StaffAsync(CancellationToken ct);
}

internal sealed class DirectoryQueries(IDbContextFactory<AskProDbContext> contexts) : IDirectoryQueries
{
    public async Task<IReadOnlyList<BranchRow>> BranchesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        return [.. branches.Select(b => new BranchRow(b.Id, b.Name, b.Street, b.PostalCode, b.City, b.CountryCode, b.Region, b.TimeZoneId, b.Phone,
            b.OpeningHours, b.Closures, b.OpenOnHolidays))];
    }

    public async Task<IReadOnlyList<ServiceRow>> ServicesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var services = await db.Services.AsNoTracking().Include(s => s.Staff).OrderBy(s => s.Name).ToListAsync(ct);
        return [.. services.Select(s => new ServiceRow(s.Id, s.Name, s.DurationMinutes, s.BufferMinutes, s.Price.Cents, s.MinimumNoticeMinutes,
            s.CancellationNoticeHours, s.Active, s.Aliases, [.. s.Staff.Select(x => x.Id)]))];
    }

    public async Task<IReadOnlyList<StaffRow>> StaffAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await db.Staff.AsNoTracking().Include(s => s.Services).OrderBy(s => s.Name).ToListAsync(ct);
        return [.. staff.Select(s => new StaffRow(s.Id, s.Name, s.BranchId, s.Email, s.Active, s.WorkingHours, [.. s.Services.Select(x => x.Id)],
            [.. s.Absences.OrderBy(a => a.StartUtc)]))];
    }
}
