using AskPro.Core.Access;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Access;

internal sealed class ApiKeyStore(IDbContextFactory<AskProDbContext> contexts) : IApiKeyStore
{
    public async Task AddAsync(ApiKey key, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiKeys.Add(key);
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> RevokeAsync(Guid keyId, DateTime at, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.RevokedAt == null, ct);
        if (key is null) return false;
        key.RevokedAt = at;
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
