using AskPro.Core.Shared;

namespace AskPro.Core.Telephony;

public enum CallStatus { Registered, Ongoing, Ended, Error }

/// <summary>One phone call the agent took. Exactly one row per Retell call id.</summary>
public sealed class Call : TenantEntity
{
    public required string RetellCallId { get; set; }
    public Guid? BranchId { get; set; }
    public string? AgentId { get; set; }

    /// <summary>Null for anonymous callers.</summary>
    public E164Number? FromNumber { get; set; }
    public required E164Number ToNumber { get; set; }
    public CallStatus Status { get; set; } = CallStatus.Registered;
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int? DurationSeconds { get; set; }
    public string? DisconnectionReason { get; set; }
    public string? Transcript { get; set; }
    public string? RecordingUrl { get; set; }
    public string? Summary { get; set; }
    public string? Sentiment { get; set; }
    public bool? Successful { get; set; }
    public long? CostCents { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? AppointmentId { get; set; }
    /// <summary>What check_availability settled on, so book_appointment books the same.</summary>
    public Guid? SelectedServiceId { get; set; }
    public Guid? SelectedStaffId { get; set; }

    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
