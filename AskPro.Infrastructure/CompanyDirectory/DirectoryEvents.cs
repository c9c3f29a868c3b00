using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>Raises <see cref="DirectoryChanged"/> for every save that adds, changes or deletes
/// the company, a branch, a service, a staff member or who performs what — written to the
/// outbox in that same save, so the event exists exactly when the change does, whichever code
/// made it. Saves in platform scope (seeding, platform admins' status changes) raise none: they
/// change nothing a company's phone agent says.</summary>
internal sealed class DirectoryEvents(Outbox outbox, TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Raise(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Raise(eventData.Context);
        return result;
    }

    private void Raise(DbContext? context)
    {
        if (context is not AskProDbContext db || db.TenantContext.IsPlatformScope || db.TenantContext.Tenant is null) return;
        var what = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                Company => nameof(Company),
                Branch => nameof(Branch),
                Service => nameof(Service),
                Staff => nameof(Staff),
                Dictionary<string, object> when e.Metadata.GetTableName() == "StaffServices" => nameof(Staff),
                _ => null,
            })
            .OfType<string>().Distinct().Order().ToList();
        if (what.Count == 0) return;
        outbox.Add(db, new DirectoryChanged(what) { OccurredAtUtc = clock.GetUtcNow().UtcDateTime, Actor = "directory" });
    }
}
