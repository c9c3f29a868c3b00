using System.Runtime.CompilerServices;
using AskPro.Core.Directory;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>The event that drops a company's directory snapshot: any save that adds, changes or
/// deletes a company, branch, service, staff member, their services, a number or the Cal.com
/// connection moves the
/// company's stamp on after the commit — whichever code made the change, so none can forget it.
/// (Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> on these tables would bypass it; none exists.)
/// The called-number index listens to the same news and is dropped with it.</summary>
internal sealed class DirectoryChanges(DirectoryStamp stamp) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return result;
    }

    private void Collect(DbContext? context)
    {
        if (context is not AskProDbContext db) return;
        var companies = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            switch (entry.Entity)
            {
                case Company company: companies.Add(company.Id); break;
                case Branch or Service or Staff or PhoneNumber or Core.Calendars.CalComSettings or Core.Calendars.CalComStaffEventType: companies.Add(((ITenantOwned)entry.Entity).CompanyId); break;
                case Dictionary<string, object> when entry.Metadata.GetTableName() == "StaffServices" && db.TenantContext.Tenant is { } current:
                    companies.Add(current.Value);
                    break;
            }
        }
        if (companies.Count > 0) _pending.AddOrUpdate(db, companies);
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var companies)) return;
        _pending.Remove(context);
        foreach (var company in companies.Where(c => c != Guid.Empty)) stamp.Bump(TenantId.From(company));
    }
}
