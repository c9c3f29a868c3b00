using AskPro.Core.Shared;

namespace AskPro.Core.Notifications;

/// <summary>A file sent with an e-mail (the appointment's calendar entry).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An e-mail as AskPro sends it: always a plain-text body (with absolute links), an
/// HTML body when there is one.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Text, string? Html = null, string? FromName = null)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

public sealed record OutgoingSms(E164Number To, string Text);

/// <summary>Where e-mails leave AskPro (SMTP; the dev outbox in Development). Throws when the
/// message could not be handed over: the caller records the failure and tries again.</summary>
public interface IEmailGateway
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}

/// <summary>Where text messages leave AskPro (an SMS provider; the dev outbox in Development).
/// Returns the provider's id of the message.</summary>
public interface ISmsGateway
{
    Task<string> SendAsync(OutgoingSms sms, CancellationToken ct);
}
