using AskPro.Core.Scheduling;

namespace AskPro.Core.Events;

/// <summary>Something that happened to a company's data, written to the outbox in the same
/// transaction as the change and delivered afterwards to every subscriber (audit, call links,
/// later notifications and the Cal.com sync). <see cref="Actor"/> says who did it, for the audit.</summary>
public abstract record DomainEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public DateTime OccurredAtUtc { get; init; }
    public string Actor { get; init; } = "";
}

public sealed record AppointmentBooked(Guid AppointmentId, Guid CustomerId, Guid StaffId, Guid ServiceId, DateTime StartUtc, DateTime EndUtc,
    AppointmentSource Source, Guid? CallId) : DomainEvent;

/// <summary>An appointment moved; <see cref="StaffId"/> is the member it is with now, and
/// <see cref="PreviousStaffId"/> the one it left when it changed hands (null: the same member).</summary>
public sealed record AppointmentRescheduled(Guid AppointmentId, Guid StaffId, DateTime PreviousStartUtc, DateTime StartUtc, DateTime EndUtc,
    AppointmentSource Source, Guid? CallId, Guid? PreviousStaffId = null) : DomainEvent
{
    /// <summary>The member whose time the move freed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid FreedStaffId => PreviousStaffId ?? StaffId;
}

public sealed record AppointmentCancelled(Guid AppointmentId, Guid StaffId, DateTime StartUtc, string? Reason,
    AppointmentSource Source, Guid? CallId) : DomainEvent;

/// <summary>The company's calendar (Cal.com) gave no answer to a move AskPro has made (timeout,
/// 5xx): it may or may not have moved the booking. Written only then, so the outbox asks the
/// calendar again until both agree (or, if it refuses, puts the appointment back where the calendar has it).</summary>
public sealed record CalendarMoveUnconfirmed(Guid AppointmentId, DateTime PreviousStartUtc, DateTime StartUtc) : DomainEvent;

/// <summary>Staff recorded how an appointment went (Completed, NoShow).</summary>
public sealed record AppointmentStatusChanged(Guid AppointmentId, Guid StaffId, DateTime StartUtc, AppointmentStatus Status,
    AppointmentSource Source, Guid? CallId) : DomainEvent;

public sealed record CustomerRegistered(Guid CustomerId) : DomainEvent;

/// <summary>The phone call ended (Retell's call_ended), with what it came to.</summary>
public sealed record CallCompleted(Guid CallRowId, Guid? CustomerId, Guid? AppointmentId) : DomainEvent;

/// <summary>The company's directory changed: its name or settings, a branch (address, opening
/// hours, closures), a service or a staff member (<see cref="What"/>: the entity types). Raised
/// for every such save, whichever code made it, by the persistence layer.</summary>
public sealed record DirectoryChanged(IReadOnlyList<string> What) : DomainEvent;
