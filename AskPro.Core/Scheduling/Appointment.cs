using AskPro.Core.Shared;

namespace AskPro.Core.Scheduling;

/// <summary><see cref="Pending"/>: claimed in AskPro, waiting for the company's calendar (Cal.com)
/// to accept it; its time stays claimed until it is confirmed or released.</summary>
public enum AppointmentStatus { Scheduled, Confirmed, Cancelled, Completed, NoShow, Pending }

/// <summary>Where a booking or change came from. Online: the company's public booking page;
/// CustomerPortal: the customer's own portal (magic link). Stored as numbers: append only.</summary>
public enum AppointmentSource { Phone, Portal, Admin, CalCom, Api, Online, CustomerPortal }

/// <summary>A booked service for a customer with one staff member. Instants are UTC.</summary>
public sealed class Appointment : TenantEntity
{
    public Guid BranchId { get; set; }
    public Guid StaffId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid CustomerId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Scheduled;
    public AppointmentSource Source { get; set; }

    /// <summary>The booking's uid in an external calendar (Cal.com).</summary>
    public string? ExternalUid { get; set; }

    /// <summary>The uid before the last move: Cal.com gives a moved booking a new uid.</summary>
    public string? PreviousExternalUid { get; set; }

    /// <summary>The call that booked it, if any.</summary>
    public Guid? CallId { get; set; }

    public string? CancellationReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two writers changing the same appointment collide.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActive => Status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);
    public TimeInterval Interval => new(StartUtc, EndUtc);
}
