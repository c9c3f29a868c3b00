using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Puts a dead letter back into the queue once a person has fixed its cause: fresh
/// attempts, due now, audited under the item's company (and logged either way).</summary>
public sealed class InboxReplay(AskProDbContext db, TenantContext tenant, TimeProvider clock, ILogger<InboxReplay> logger)
{
    /// <param name="company">Null for platform staff (any item); a company admin's company otherwise.</param>
    /// <returns>False when there is no such dead letter visible to the caller.</returns>
    public async Task<bool> ReplayAsync(Guid id, TenantId? company, string actor, CancellationToken ct)
    {
        tenant.EnterPlatformScope("inbox replay");
        var item = await db.Inbox.FirstOrDefaultAsync(i => i.Id == id && i.Status == InboxStatus.Dead, ct);
        if (item is null || (company is { } only && item.CompanyId != only.Value)) return false;

        var now = clock.GetUtcNow().UtcDateTime;
        (item.Status, item.Attempts, item.NextAttemptAt, item.LastError, item.LeaseUntil) = (InboxStatus.Pending, 0, now, null, null);
        if (item.CompanyId is { } owner)
            db.AuditEntries.Add(new AuditEntry { CompanyId = owner, Actor = actor, Action = "inbox.replay", EntityType = nameof(InboxItem), EntityId = item.Id.ToString(), At = now });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Inbox item {InboxItem} replayed by {Actor}", item.Id, actor);
        return true;
    }
}
