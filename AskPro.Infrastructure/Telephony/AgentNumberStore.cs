using AskPro.Core.Directory;
using AskPro.Core.Operations;
using AskPro.Core.Shared;
using AskPro.Core.Telephony.PhoneNumbers;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Portal;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony;

/// <summary>Agent numbers: the owner look-up is the one platform-wide read (it answers only free /
/// ours / someone else's); the write is the tenant's own, and the unique index on the number
/// decides a race between two companies.</summary>
internal sealed class AgentNumberStore(IDbContextFactory<AskProDbContext> contexts, PlatformScope platform, ITenantContext tenant) : IAgentNumberStore
{
    public async Task<NumberOwner> OwnerAsync(E164Number number, CancellationToken ct)
    {
        var current = tenant.RequireTenant().Value;
        var owner = await platform.ReadAsync("phone numbers: is the number free", db =>
            db.PhoneNumbers.AsNoTracking().Where(p => p.Number == number).Select(p => new { p.CompanyId, p.BranchId }).FirstOrDefaultAsync(ct), ct);
        return owner is null ? new NumberOwner.Nobody()
            : owner.CompanyId == current ? new NumberOwner.ThisCompany(owner.BranchId)
            : new NumberOwner.AnotherCompany();
    }

    public async Task<bool> AddAsync(PhoneNumber number, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.PhoneNumbers.Add(number);
        audit.EntityId = number.Id.ToString();
        db.AuditEntries.Add(audit);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await OwnerAsync(number.Number, ct) is NumberOwner.Nobody) throw; // not the unique index: a real failure
            return false; // the unique index: someone stored it first
        }
    }
}
