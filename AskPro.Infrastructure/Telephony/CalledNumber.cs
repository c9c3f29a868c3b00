using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.CompanyDirectory;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony;

/// <summary>The number that was called decides the tenant of a call: the one platform read
/// every Retell path (function calls, call events, call_inbound) makes, and the only way they
/// enter a company's scope. Unknown number: no tenant, never a default.</summary>
public sealed class CalledNumber(AskProDbContext db, TenantContext tenant, CalledNumberIndex index)
{
    public async Task<(Guid CompanyId, Guid BranchId)?> EnterTenantAsync(E164Number to, string purpose, CancellationToken ct)
    {
        if (!index.TryGet(to, out var number))
        {
            var version = index.Version;
            tenant.EnterPlatformScope(purpose);
            var found = await db.PhoneNumbers.AsNoTracking().Where(p => p.Number == to).Select(p => new { p.CompanyId, p.BranchId }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                tenant.Clear();
                return null;
            }
            number = (found.CompanyId, found.BranchId);
            index.Remember(to, number, version);
        }
        tenant.UseTenant(TenantId.From(number.CompanyId));
        return number;
    }
}
