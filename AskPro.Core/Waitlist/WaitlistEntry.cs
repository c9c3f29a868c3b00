using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Waitlist;

/// <summary>Waiting: offered every matching freed slot; Booked: took one through an offer;
/// Withdrawn: removed by staff.</summary>
public enum WaitlistStatus { Waiting, Booked, Withdrawn }

/// <summary>A customer who found no free time waits for a service (with one staff member or
/// anyone) on the days <see cref="FromDay"/>–<see cref="ToDay"/> (the branch's local dates).
/// First come, first served: the oldest entries are offered a freed slot first.</summary>
public sealed class WaitlistEntry : TenantEntity
{
    public Guid CustomerId { get; set; }
    public Guid BranchId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid? StaffId { get; set; }
    public DateOnly FromDay { get; set; }
    public DateOnly ToDay { get; set; }
    public AppointmentSource Source { get; set; }
    public WaitlistStatus Status { get; set; } = WaitlistStatus.Waiting;
    public DateTime CreatedAt { get; set; }

    /// <summary>The appointment booked through one of its offers.</summary>
    public Guid? AppointmentId { get; set; }

    public bool Wants(Guid branchId, Guid serviceId, Guid staffId, DateOnly day) =>
        Status == WaitlistStatus.Waiting && BranchId == branchId && ServiceId == serviceId && (StaffId is null || StaffId == staffId)
        && day >= FromDay && day <= ToDay;
}

/// <summary>A freed slot offered to one waiting entry, sent as a signed link. Several entries
/// are offered the same slot; whoever books first gets it (the engine's claims decide), the
/// others are shown alternatives. An offer is used once (<see cref="UsedAt"/>).</summary>
public sealed class WaitlistOffer : TenantEntity
{
    public Guid EntryId { get; set; }
    public Guid StaffId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public Guid? AppointmentId { get; set; }
}
