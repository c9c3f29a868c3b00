using AskPro.Core.Directory;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>Directory writes in a short-lived context each (safe in a long-lived circuit): the
/// record and its audit entry in one save, which <see cref="DirectoryChanges"/> turns into a new
/// directory stamp. The tenant filters make another company's id an unknown id.</summary>
internal sealed class DirectoryStore(IDbContextFactory<AskProDbContext> contexts) : IDirectoryStore
{
    public async Task<DirectoryOutcome> SaveBranchAsync(Guid? id, Func<Branch, IReadOnlyList<FieldError>> change, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var branch = id is { } existing ? await db.Branches.FirstOrDefaultAsync(b => b.Id == existing, ct) : db.Branches.Add(new Branch { Name = "" }).Entity;
        return branch is null ? new DirectoryOutcome.NotFound() : await SaveAsync(db, branch, change(branch), audit, ct);
    }

    public async Task<DirectoryOutcome> SaveServiceAsync(Guid? id, IReadOnlyCollection<Guid>? staffIds, Func<Service, IReadOnlyList<FieldError>> change, AuditEntry audit,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var service = id is { } existing
            ? await db.Services.Include(s => s.Staff).FirstOrDefaultAsync(s => s.Id == existing, ct)
            : db.Services.Add(new Service { Name = "" }).Entity;
        if (service is null) return new DirectoryOutcome.NotFound();
        if (staffIds is not null)
        {
            var staff = await db.Staff.Where(s => staffIds.Contains(s.Id)).ToListAsync(ct);
            if (staff.Count != staffIds.Distinct().Count()) return new DirectoryOutcome.NotFound();
            service.Staff = staff;
        }
        return await SaveAsync(db, service, change(service), audit, ct);
    }

    public async Task<DirectoryOutcome> SaveStaffAsync(Guid? id, IReadOnlyCollection<Guid>? serviceIds, Func<Staff, IReadOnlyList<FieldError>> change, AuditEntry audit,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = id is { } existing
            ? await db.Staff.Include(s => s.Services).Include(s => s.Branch).FirstOrDefaultAsync(s => s.Id == existing, ct)
            : db.Staff.Add(new Staff { Name = "" }).Entity;
        if (staff is null) return new DirectoryOutcome.NotFound();
        if (serviceIds is not null)
        {
            var services = await db.Services.Where(s => serviceIds.Contains(s.Id)).ToListAsync(ct);
            if (services.Count != serviceIds.Distinct().Count()) return new DirectoryOutcome.NotFound();
            staff.Services = services;
        }
        var errors = change(staff);
        if (errors.Count == 0 && !await db.Branches.AnyAsync(b => b.Id == staff.BranchId, ct)) return new DirectoryOutcome.NotFound();
        return await SaveAsync(db, staff, errors, audit, ct);
    }

    private static async Task<DirectoryOutcome> SaveAsync(AskProDbContext db, Core.Shared.Entity record, IReadOnlyList<FieldError> errors, AuditEntry audit, CancellationToken ct)
    {
        if (errors.Count > 0) return new DirectoryOutcome.Invalid(errors); // the context is dropped unsaved
        audit.EntityId = record.Id.ToString();
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
        return new DirectoryOutcome.Saved(record.Id);
    }
}
