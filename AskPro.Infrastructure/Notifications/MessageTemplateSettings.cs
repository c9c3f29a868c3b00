using AskPro.Core.Notifications;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Notifications;

/// <summary>One message's wording as the company sends it now: its own or the default.</summary>
public sealed record CurrentTemplate(string Subject, string Body, bool IsOwn, string CompanyName, string Address);

/// <summary>The message settings page's reads and its preview (the signed-in company).</summary>
public sealed class MessageTemplateSettings(IDbContextFactory<AskProDbContext> contexts)
{
    public async Task<CurrentTemplate> CurrentAsync(MessageKind kind, MessageChannel channel, string language, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var own = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == kind && t.Channel == channel && t.Language == language, ct);
        var company = await db.Companies.AsNoTracking().Select(c => c.Name).FirstAsync(ct);
        var branch = await db.Branches.AsNoTracking().OrderBy(b => b.Name).FirstOrDefaultAsync(ct);
        var (subject, body) = own is null ? MessageTemplates.Default(kind, channel, language) : (own.Subject, own.Body);
        return new CurrentTemplate(subject, body, own is not null, company, branch is null ? "" : MessageComposer.AddressOf(branch));
    }

    /// <summary>The subject and the text with example facts, and the e-mail's HTML (every value encoded).</summary>
    public static (string Subject, string Text, string Html) Preview(string? subject, string? body, string companyName, string address, string language)
    {
        var text = MessageComposer.Preview(body ?? "", companyName, address, language);
        return (MessageComposer.Preview(subject ?? "", companyName, address, language), text, MessageComposer.Html(text, companyName, address));
    }
}
