using AskPro.Core.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AskPro.Infrastructure.Notifications;

/// <summary>Section "Smtp". Without a host no e-mail leaves the installation (Development keeps
/// them in the dev outbox).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    /// <summary><c>Auto</c> (STARTTLS when offered), <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@askpro.local";
    public string FromName { get; set; } = "AskPro";
    public int TimeoutSeconds { get; set; } = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>E-mail over SMTP with MailKit: one connection per message (messages are few and
/// spread out; a pooled connection would only go stale), multipart/alternative text + HTML,
/// attachments beside it. The sender's display name is the company's, the address ours.</summary>
public sealed class SmtpEmailGateway(SmtpOptions options) : IEmailGateway
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        using var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        await smtp.ConnectAsync(options.Host, options.Port, options.Security, ct);
        if (!string.IsNullOrEmpty(options.Username)) await smtp.AuthenticateAsync(options.Username, options.Password ?? "", ct);
        await smtp.SendAsync(ToMime(email, options), ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }

    internal static MimeMessage ToMime(OutgoingEmail email, SmtpOptions options)
    {
        var message = new MimeMessage { Subject = email.Subject };
        message.From.Add(new MailboxAddress(email.FromName ?? options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        var body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html };
        foreach (var file in email.Attachments)
            body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}
