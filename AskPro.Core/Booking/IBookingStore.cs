using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Booking;

/// <summary>The storage side of booking, implemented in Infrastructure. Only <c>Book</c>,
/// <c>Reschedule</c> and <c>Cancel</c> call the writes: each writes the appointment, its slot
/// claims and its event in one transaction and drops the cached availability of the days it
/// touched before it returns.</summary>
public interface IBookingStore
{
    /// <summary>Appointments (with buffers) of these staff members overlapping the range.</summary>
    Task<IReadOnlyList<BusyTime>> BookedAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, Guid? exceptAppointment, CancellationToken ct);

    Task<Appointment?> FindAsync(Guid appointmentId, CancellationToken ct);

    Task<bool> CustomerExistsAsync(Guid customerId, CancellationToken ct);

    /// <summary>Inserts the appointment and claims <paramref name="blocked"/> for its staff member.
    /// False (nothing written) when a claim collides: the slot is taken. No event for a Pending
    /// appointment: it is written when the calendar confirms it.</summary>
    Task<bool> TryInsertAsync(Appointment appointment, TimeInterval blocked, DomainEvent? booked, CancellationToken ct);

    /// <summary>A Pending appointment the calendar accepted: its new status and uid, with its event.</summary>
    Task ConfirmAsync(Appointment confirmed, DomainEvent booked, CancellationToken ct);

    /// <summary>A Pending appointment the calendar refused (or never got): cancelled with the
    /// reason and its claims freed, without an event (it was never booked). A
    /// <paramref name="callback"/> (staff should call the caller back) is written in the same
    /// transaction: a failure leaves the appointment Pending and no callback, never one without the other.</summary>
    Task ReleaseAsync(Appointment released, TimeInterval freed, string reason, Telephony.CallbackRequest? callback, CancellationToken ct);

    /// <summary>Releases the claims of <paramref name="freed"/> and claims <paramref name="blocked"/>
    /// for the moved appointment. False (nothing changed) when the new time collides.</summary>
    Task<bool> TryMoveAsync(Appointment moved, TimeInterval freed, TimeInterval blocked, DomainEvent rescheduled, CancellationToken ct);

    /// <summary>Sets the appointment's external calendar id (the one it replaces becomes the
    /// previous uid); false when the appointment is unknown.</summary>
    Task<bool> SetExternalUidAsync(Guid appointmentId, string externalUid, CancellationToken ct);

    /// <summary>Writes an event that reports no change of its own (a calendar that has not
    /// confirmed a change yet), for its subscribers to act on.</summary>
    Task PublishAsync(DomainEvent happened, CancellationToken ct);

    /// <summary>Stores the appointment's new status; frees its claims when <paramref name="freed"/> is given (a no-show).</summary>
    Task SetStatusAsync(Appointment changed, TimeInterval? freed, DomainEvent statusChanged, CancellationToken ct);

    /// <summary>Marks the appointment cancelled and frees its claims.</summary>
    Task CancelAsync(Appointment cancelled, TimeInterval freed, DomainEvent cancelledEvent, CancellationToken ct);
}
