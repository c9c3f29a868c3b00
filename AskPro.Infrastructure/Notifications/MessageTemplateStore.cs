using AskPro.Core.Notifications;
using AskPro.Core.Notifications.SaveMessageTemplate;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Notifications;

internal sealed class MessageTemplateStore(IDbContextFactory<AskProDbContext> contexts) : IMessageTemplateStore
{
    public async Task SaveAsync(MessageTemplateDraft draft, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var own = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Kind == draft.Kind && t.Channel == draft.Channel && t.Language == draft.Language, ct);
        if (own is null) db.MessageTemplates.Add(own = new MessageTemplate { Kind = draft.Kind, Channel = draft.Channel, Language = draft.Language, Body = "" });
        (own.Subject, own.Body) = (draft.Subject ?? "", draft.Body ?? "");
        audit.EntityId ??= own.Id.ToString();
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> RemoveAsync(MessageKind kind, MessageChannel channel, string language, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var own = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Kind == kind && t.Channel == channel && t.Language == language, ct);
        if (own is null) return false;
        db.MessageTemplates.Remove(own);
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
