using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony;

/// <summary>The number that was called decides the tenant of a call: the one platform read
/// every Retell path (function calls, call events, call_inbound) makes, and the only way they
/// enter a company's scope. Unknown number: no tenant, never a default.</summary>
public static class CalledNumber
{
    public static async Task<(Guid CompanyId, Guid BranchId)?> EnterTenantAsync(AskProDbContext db, TenantContext tenant, E164Number to, string purpose, CancellationToken ct)
    {
        tenant.EnterPlatformScope(purpose);
        var number = await db.PhoneNumbers.AsNoTracking().Where(p => p.Number == to).Select(p => new { p.CompanyId, p.BranchId }).FirstOrDefaultAsync(ct);
        if (number is null)
        {
            tenant.Clear();
            return null;
        }
        tenant.UseTenant(TenantId.From(number.CompanyId));
        return (number.CompanyId, number.BranchId);
    }
}
