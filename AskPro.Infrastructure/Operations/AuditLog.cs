using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Operations;

/// <summary>Each entry in its own short-lived context (safe inside a long-lived circuit).</summary>
internal sealed class AuditLog(IDbContextFactory<AskProDbContext> contexts) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}
