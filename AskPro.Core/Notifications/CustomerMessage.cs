using AskPro.Core.Shared;
using AskPro.Core.Webhooks;

namespace AskPro.Core.Notifications;

/// <summary>WaitlistOffer: a freed slot offered to someone on the waitlist (no appointment yet).</summary>
public enum MessageKind { Confirmation, Change, Cancellation, Reminder, WaitlistOffer }

public enum MessageChannel { Email, Sms }

/// <summary>One message to a customer, on one channel: written when it becomes due (with the
/// booking change that causes it, or by the reminder job) and sent afterwards by the message
/// sender, which claims rows with a lease like the outbox (several nodes never send the same
/// row). <see cref="Key"/> is unique per company, so a message can only come to exist once:
/// a confirmation per appointment, a reminder per appointment and start time, a notice per
/// change. Subject and text are stored as sent, for staff to see.</summary>
public sealed class CustomerMessage : TenantEntity
{
    public const int MaxAttempts = InboxItem.MaxAttempts;

    public required string Key { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? AppointmentId { get; set; }

    /// <summary>The waitlist offer a <see cref="MessageKind.WaitlistOffer"/> message carries.</summary>
    public Guid? WaitlistOfferId { get; set; }

    public MessageKind Kind { get; set; }
    public MessageChannel Channel { get; set; }

    /// <summary>The appointment's start this message is about: a reminder or confirmation for a
    /// start the appointment no longer has is not sent.</summary>
    public DateTime AppointmentStartUtc { get; set; }

    /// <summary>The calendar entry's SEQUENCE (RFC 5545): higher on every change, so calendars
    /// replace the entry instead of adding one.</summary>
    public int Sequence { get; set; }

    public InboxStatus Status { get; set; } = InboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>The node and process holding the lease (<c>NodeIdentity.Owner</c>), while Processing.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? SentAt { get; set; }

    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string? ProviderMessageId { get; set; }

    /// <summary>Why a due message was not sent (opted out, appointment moved or cancelled).</summary>
    public string? SkippedBecause { get; set; }
    public string? LastError { get; set; }

    public static string KeyFor(MessageKind kind, MessageChannel channel, Guid appointmentId, string occasion) =>
        $"{kind}:{channel}:{appointmentId:N}:{occasion}";
}
