using AskPro.Core.Shared;

namespace AskPro.Core.Webhooks;

public enum InboxStatus { Pending, Processing, Processed, Failed, Dead }

/// <summary>A provider event, written before the provider gets its 2xx and processed later.
/// Unique on (provider, event key): a delivery seen twice is stored once. Platform data: the
/// company is known only once the worker has resolved it (company views filter by it).</summary>
public sealed class InboxItem : Entity
{
    public const int MaxAttempts = 8;

    public required string Provider { get; set; }
    public required string EventKey { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public DateTime ReceivedAt { get; set; }
    public InboxStatus Status { get; set; } = InboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>The node and process holding the lease (<c>NodeIdentity.Owner</c>), while Processing.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? LastError { get; set; }
    public string? CorrelationId { get; set; }
    public Guid? CompanyId { get; set; }

    /// <summary>Exponential backoff with jitter: 2, 4, 8 … seconds (capped at 10 minutes) ± 20 %.</summary>
    public static TimeSpan Backoff(int attempts, double jitter) =>
        TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, attempts)) * (0.8 + 0.4 * jitter));
}

/// <summary>Thrown by a handler for an event that can never succeed (unknown number): it goes
/// straight to the dead letters with this reason instead of being retried.</summary>
public sealed class DeadLetterException(string reason) : Exception(reason);
