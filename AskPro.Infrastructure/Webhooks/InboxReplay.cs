using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Puts a dead letter — an inbox item or an outbox delivery — back into its queue once a
/// person has fixed its cause: fresh attempts, due now, audited under its company (and logged).</summary>
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
        (item.Status, item.Attempts, item.NextAttemptAt, item.LastError, item.LeaseUntil, item.LeaseOwner) = (InboxStatus.Pending, 0, now, null, null, null);
        return await AuditedAsync(item.CompanyId, actor, "inbox.replay", nameof(InboxItem), item.Id, now, ct);
    }

    /// <summary>The same for an outbox delivery whose subscriber gave up: it is delivered to that subscriber again.</summary>
    public async Task<bool> ReplayOutboxAsync(Guid id, TenantId? company, string actor, CancellationToken ct)
    {
        tenant.EnterPlatformScope("outbox replay");
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.Id == id && m.Status == InboxStatus.Dead, ct);
        if (message is null || (company is { } only && message.CompanyId != only.Value)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        (message.Status, message.Attempts, message.NextAttemptAt, message.LastError, message.LeaseUntil, message.LeaseOwner) = (InboxStatus.Pending, 0, now, null, null, null);
        return await AuditedAsync(message.CompanyId, actor, "outbox.replay", "OutboxMessage", message.Id, now, ct);
    }

    private async Task<bool> AuditedAsync(Guid? company, string actor, string action, string entityType, Guid id, DateTime now, CancellationToken ct)
    {
        if (company is { } owner)
            db.AuditEntries.Add(new AuditEntry { CompanyId = owner, Actor = actor, Action = action, EntityType = entityType, EntityId = id.ToString(), At = now });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{Action} of {Id} by {Actor}", action, id, actor);
        return true;
    }
}
