using AskPro.Core.Directory;
using AskPro.Core.Operations;

namespace AskPro.Core.Notifications.SaveMessageTemplate;

/// <summary>A company's wording of one message; <see cref="Subject"/> is for e-mails only.</summary>
public sealed record MessageTemplateDraft(MessageKind Kind, MessageChannel Channel, string Language, string? Subject, string? Body);

public abstract record SaveTemplateOutcome
{
    public sealed record Saved : SaveTemplateOutcome;

    /// <summary>German reasons per field ("subject", "body", "language"); nothing stored.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SaveTemplateOutcome;
}

/// <summary>Storage side of the company's templates: each write with its audit entry, or neither.</summary>
public interface IMessageTemplateStore
{
    Task SaveAsync(MessageTemplateDraft draft, AuditEntry audit, CancellationToken ct);

    /// <summary>Back to the default wording; false when the company had none of its own.</summary>
    Task<bool> RemoveAsync(MessageKind kind, MessageChannel channel, string language, AuditEntry audit, CancellationToken ct);
}

/// <summary>A company admin words a message their own way (or goes back to the default):
/// only known placeholders, braces only around them, no control characters, lengths an SMS
/// or a subject line can carry. Audited.</summary>
public sealed class SaveMessageTemplate(IMessageTemplateStore store, TimeProvider clock)
{
    public const int MaxSubjectLength = 200;
    public const int MaxEmailBodyLength = 4000;
    public const int MaxSmsBodyLength = 640;

    public async Task<SaveTemplateOutcome> RunAsync(MessageTemplateDraft draft, string actor, CancellationToken ct)
    {
        if (draft.Language is not ("de" or "en")) return new SaveTemplateOutcome.Invalid([new("language", "Die Sprache muss Deutsch (de) oder Englisch (en) sein.")]);
        var email = draft.Channel == MessageChannel.Email;
        var errors = new List<FieldError>();
        if (email && MessageTemplates.Problem(draft.Subject, "Der Betreff", MaxSubjectLength, singleLine: true) is { } subject) errors.Add(new("subject", subject));
        if (MessageTemplates.Problem(draft.Body, "Der Text", email ? MaxEmailBodyLength : MaxSmsBodyLength, singleLine: false) is { } body) errors.Add(new("body", body));
        if (errors.Count > 0) return new SaveTemplateOutcome.Invalid(errors);

        var clean = draft with { Subject = email ? draft.Subject!.Trim() : "", Body = draft.Body!.Trim().ReplaceLineEndings("\n") };
        await store.SaveAsync(clean, Audit(actor, "message-template.save", draft.Kind, draft.Channel, draft.Language), ct);
        return new SaveTemplateOutcome.Saved();
    }

    public Task<bool> ResetAsync(MessageKind kind, MessageChannel channel, string language, string actor, CancellationToken ct) =>
        store.RemoveAsync(kind, channel, MessageTemplates.LanguageOf(language), Audit(actor, "message-template.reset", kind, channel, language), ct);

    private AuditEntry Audit(string actor, string action, MessageKind kind, MessageChannel channel, string language) => new()
    {
        Actor = actor, Action = action, EntityType = nameof(MessageTemplate), EntityId = $"{kind}:{channel}:{language}", At = clock.GetUtcNow().UtcDateTime,
    };
}
