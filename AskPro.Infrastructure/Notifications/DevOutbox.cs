using System.Collections.Concurrent;
using AskPro.Core.Notifications;

namespace AskPro.Infrastructure.Notifications;

public enum OutboxChannel { Email, Sms }

/// <summary>One message the installation sent, as the dev outbox shows it.</summary>
public sealed record DevOutboxEntry(Guid Id, OutboxChannel Channel, string To, string Subject, string Text, DateTime SentAt, IReadOnlyList<MailAttachment> Attachments);

/// <summary>Development only: every e-mail and SMS the installation sends, newest first, so the
/// demo shows the whole flow without any provider (/dev/mail, GET /dev/outbox.json). In memory,
/// the last 200.</summary>
public sealed class DevOutbox(TimeProvider clock)
{
    private const int Keep = 200;
    private readonly ConcurrentQueue<DevOutboxEntry> _entries = new();

    public IReadOnlyList<DevOutboxEntry> Recent => _entries.Reverse().ToList();

    public DevOutboxEntry? Find(Guid id) => _entries.FirstOrDefault(e => e.Id == id);

    public void Add(OutboxChannel channel, string to, string subject, string text, IReadOnlyList<MailAttachment>? attachments = null)
    {
        _entries.Enqueue(new DevOutboxEntry(Guid.NewGuid(), channel, to, subject, text, clock.GetUtcNow().UtcDateTime, attachments ?? []));
        while (_entries.Count > Keep) _entries.TryDequeue(out _);
    }
}

/// <summary>The e-mail gateway the app uses: into the dev outbox in Development, and over SMTP
/// whenever SMTP is configured. With neither there is nowhere to send to, and the message fails
/// (visible to staff) instead of vanishing.</summary>
public sealed class EmailDelivery(DevOutbox? outbox, SmtpEmailGateway? smtp) : IEmailGateway
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        if (outbox is null && smtp is null) throw new InvalidOperationException("E-mail is not configured (Smtp:Host).");
        if (smtp is not null) await smtp.SendAsync(email, ct);
        outbox?.Add(OutboxChannel.Email, email.To, email.Subject, email.Text, email.Attachments);
    }
}

/// <summary>The SMS gateway the app uses: the dev outbox in Development, Twilio when configured.</summary>
public sealed class SmsDelivery(DevOutbox? outbox, TwilioSmsGateway? twilio) : ISmsGateway
{
    public async Task<string> SendAsync(OutgoingSms sms, CancellationToken ct)
    {
        if (outbox is null && twilio is null) throw new InvalidOperationException("SMS is not configured (Twilio:AccountSid, AuthToken, From).");
        var id = twilio is null ? "dev-" + Guid.NewGuid().ToString("N") : await twilio.SendAsync(sms, ct);
        outbox?.Add(OutboxChannel.Sms, sms.To.Value, "", sms.Text);
        return id;
    }
}
