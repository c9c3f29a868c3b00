using AskPro.Core.Webhooks;

namespace AskPro.Infrastructure.Events;

/// <summary>One domain event for one subscriber, written in the same transaction as the change
/// it reports. One row per subscriber, so each subscriber's delivery is claimed, retried and
/// dead-lettered on its own, and a slow or failing subscriber never holds up the others.
/// Platform data like the inbox (the dispatcher runs across tenants); company views filter by
/// <see cref="CompanyId"/>. Statuses and backoff are the inbox's.</summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = InboxItem.MaxAttempts;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid CompanyId { get; set; }
    public required string EventType { get; set; }
    public required string Subscriber { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public InboxStatus Status { get; set; } = InboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>The node and process holding the lease (<c>NodeIdentity.Owner</c>), while Processing.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? LastError { get; set; }
}
