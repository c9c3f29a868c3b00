using AskPro.Core.Directory;
using AskPro.Core.Onboarding;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Onboarding;

/// <summary>The company row and its audit entry in one save each; the save moves the directory
/// stamp on (<see cref="CompanyDirectory.DirectoryChanges"/>), so the phone path serves or
/// refuses the number from the next request on, on every node.</summary>
internal sealed class CompanyLifecycleStore(IDbContextFactory<AskProDbContext> contexts, PlatformScope platform) : ICompanyLifecycleStore
{
    public async Task<LifecycleOutcome> ChangeOwnAsync(Func<Company, string?> change, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ChangeAsync(db, await db.Companies.SingleOrDefaultAsync(ct), change, audit, ct);
    }

    public Task<LifecycleOutcome> ChangeAnyAsync(Guid companyId, Func<Company, string?> change, AuditEntry audit, CancellationToken ct) =>
        platform.RunAsync("platform admin: company status", async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AskProDbContext>>().CreateDbContextAsync(ct);
            return await ChangeAsync(db, await db.Companies.FirstOrDefaultAsync(c => c.Id == companyId, ct), change, audit, ct);
        });

    private static async Task<LifecycleOutcome> ChangeAsync(AskProDbContext db, Company? company, Func<Company, string?> change, AuditEntry audit, CancellationToken ct)
    {
        if (company is null) return new LifecycleOutcome.NotFound();
        if (change(company) is { } refusal) return new LifecycleOutcome.NotAllowed(refusal);
        audit.CompanyId = company.Id;
        audit.EntityId = company.Id.ToString();
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
        return new LifecycleOutcome.Changed(company.Status);
    }
}
