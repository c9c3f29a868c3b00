using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Booking;

/// <summary>Decides a Pending appointment once the calendar's answer is known: at booking time
/// (<see cref="Book"/>) or later by reconciliation. Confirmed: its uid and, only now, its
/// <see cref="AppointmentBooked"/> event. Released: cancelled with the reason and its time freed,
/// without an event (it never was booked).</summary>
public sealed class SettlePending(IBookingStore store, ITenantDirectory directory, TimeProvider clock)
{
    public async Task ConfirmAsync(Appointment pending, string? externalUid, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        pending.Status = AppointmentStatus.Confirmed;
        pending.ExternalUid = externalUid;
        pending.UpdatedAt = now;
        var booked = new AppointmentBooked(pending.Id, pending.CustomerId, pending.StaffId, pending.ServiceId, pending.StartUtc, pending.EndUtc,
            pending.Source, pending.CallId) { OccurredAtUtc = now, Actor = actor };
        await store.ConfirmAsync(pending, booked, ct);
    }

    /// <summary>Releases the appointment; <paramref name="callback"/>, when given, is saved with it in one unit of work.</summary>
    public async Task ReleaseAsync(Appointment pending, string reason, Telephony.CallbackRequest? callback, CancellationToken ct)
    {
        var buffer = (await directory.GetAsync(ct)).Service(pending.ServiceId)?.Buffer ?? TimeSpan.Zero;
        pending.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await store.ReleaseAsync(pending, new Shared.TimeInterval(pending.StartUtc, pending.EndUtc + buffer), reason, callback, ct);
    }
}
