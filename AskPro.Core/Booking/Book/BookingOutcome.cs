using AskPro.Core.Scheduling;

namespace AskPro.Core.Booking;

/// <summary>A booking for one customer with one staff member for one service at one start.
/// The customer is a known id, or (<see cref="CustomerId"/> empty) a <see cref="Contact"/> found
/// or created only once everything else about the booking checked out.
/// <paramref name="Actor"/> says who asked (for the audit): "phone", "portal:…", "apikey:…", "calcom".</summary>
public sealed record BookRequest(
    Guid StaffId,
    Guid ServiceId,
    Guid CustomerId,
    DateTime StartUtc,
    AppointmentSource Source,
    string Actor,
    Guid? CallId = null,
    string? ExternalUid = null,
    Customers.CustomerContact? Contact = null);

/// <summary>What a booking, move or cancellation came to. A taken slot is an outcome, not an exception.</summary>
public abstract record BookingOutcome
{
    public sealed record Booked(Appointment Appointment) : BookingOutcome;

    /// <summary>Another active appointment of the staff member overlaps the wished time.</summary>
    public sealed record SlotTaken : BookingOutcome;

    /// <summary>A booking policy refuses it (<see cref="BookingPolicy"/>).</summary>
    public sealed record PolicyViolated(BookingRule Rule) : BookingOutcome;

    /// <summary>The company's calendar (Cal.com) refused it or could not be asked: nothing is
    /// booked, the claim is released. <paramref name="Unavailable"/>: offer a callback, not other times.</summary>
    public sealed record CalendarRefused(string AgentMessage, bool Unavailable) : BookingOutcome;

    /// <summary>Claimed, but the calendar's answer is unknown (timeout): the appointment stays
    /// Pending, holding its time, until reconciliation confirms or releases it.</summary>
    public sealed record Pending(Appointment Appointment) : BookingOutcome;

    /// <summary>The request itself is wrong (unknown service, staff, customer or appointment; off the grid).</summary>
    public sealed record Rejected(string Reason) : BookingOutcome;
}
