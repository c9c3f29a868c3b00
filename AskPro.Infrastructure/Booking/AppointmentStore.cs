using AskPro.Core.Booking;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Booking;

/// <summary>Writes appointments together with their slot claims and their event. The claims'
/// unique index turns a race between two bookings into a constraint violation, which becomes
/// "slot taken". Every committed change drops the cached availability of the days it touched
/// (<see cref="IAvailabilityChanged"/>) before it returns, so no caller is offered a slot just taken.</summary>
internal sealed class AppointmentStore(AskProDbContext db, BookedTime booked, Outbox outbox, IAvailabilityChanged changed) : IBookingStore
{
    public Task<IReadOnlyList<BusyTime>> BookedAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, Guid? exceptAppointment, CancellationToken ct) =>
        booked.ReadAsync(staffIds, range, exceptAppointment, ct);

    public Task<Appointment?> FindAsync(Guid appointmentId, CancellationToken ct) =>
        db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == appointmentId, ct);

    public Task<bool> CustomerExistsAsync(Guid customerId, CancellationToken ct) =>
        db.Customers.AnyAsync(c => c.Id == customerId, ct);

    public async Task<bool> TryInsertAsync(Appointment appointment, TimeInterval blocked, DomainEvent? bookedEvent, CancellationToken ct)
    {
        try
        {
            // A deadlock victim or a dropped connection is redone by the unit of work. A commit
            // whose answer was lost is looked up by the appointment's id: redone, it would meet its
            // own primary key and wrongly answer "slot taken".
            await db.InTransactionAsync(async token =>
            {
                db.Appointments.Add(appointment);
                Claim(appointment, blocked);
                if (bookedEvent is not null) outbox.Add(db, bookedEvent);
                await db.SaveChangesAsync(token);
            }, token => db.Appointments.AnyAsync(a => a.Id == appointment.Id, token), ct);
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            // Another booking holds some of this time: nothing was written.
            return false;
        }
        await changed.NotifyAsync([blocked], ct);
        return true;
    }

    public async Task<bool> TryMoveAsync(Appointment moved, TimeInterval freed, TimeInterval blocked, DomainEvent rescheduled, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(async token =>
            {
                // Old claims go first, so a move that overlaps its own old time is possible.
                await db.SlotClaims.Where(c => c.AppointmentId == moved.Id).ExecuteDeleteAsync(token);
                Track(moved);
                Claim(moved, blocked);
                outbox.Add(db, rescheduled);
                await db.SaveChangesAsync(token);
            }, token => EventStoredAsync(rescheduled, token), ct);
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            return false;
        }
        await changed.NotifyAsync([freed, blocked], ct);
        return true;
    }

    public async Task CancelAsync(Appointment cancelled, TimeInterval freed, DomainEvent cancelledEvent, CancellationToken ct)
    {
        await db.InTransactionAsync(async token =>
        {
            await db.SlotClaims.Where(c => c.AppointmentId == cancelled.Id).ExecuteDeleteAsync(token);
            Track(cancelled);
            outbox.Add(db, cancelledEvent);
            await db.SaveChangesAsync(token);
        }, token => EventStoredAsync(cancelledEvent, token), ct);
        await changed.NotifyAsync([freed], ct);
    }

    public async Task SetStatusAsync(Appointment appointment, TimeInterval? freed, DomainEvent statusChanged, CancellationToken ct)
    {
        await db.InTransactionAsync(async token =>
        {
            if (freed is not null) await db.SlotClaims.Where(c => c.AppointmentId == appointment.Id).ExecuteDeleteAsync(token);
            Track(appointment);
            outbox.Add(db, statusChanged);
            await db.SaveChangesAsync(token);
        }, token => EventStoredAsync(statusChanged, token), ct);
        if (freed is { } time) await changed.NotifyAsync([time], ct);
    }

    public Task ConfirmAsync(Appointment confirmed, DomainEvent bookedEvent, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            Track(confirmed);
            outbox.Add(db, bookedEvent);
            await db.SaveChangesAsync(token);
        }, token => EventStoredAsync(bookedEvent, token), ct);

    public async Task ReleaseAsync(Appointment released, TimeInterval freed, string reason, Core.Telephony.CallbackRequest? callback, CancellationToken ct)
    {
        // No event to look up: a lost commit answer shows as the appointment already cancelled
        // (redone, the callback request would meet its own primary key).
        await db.InTransactionAsync(async token =>
        {
            await db.SlotClaims.Where(c => c.AppointmentId == released.Id).ExecuteDeleteAsync(token);
            released.Status = AppointmentStatus.Cancelled;
            released.CancellationReason = reason.Length > 1000 ? reason[..1000] : reason;
            Track(released);
            if (callback is not null) db.CallbackRequests.Add(callback);
            await db.SaveChangesAsync(token);
        }, token => db.Appointments.AnyAsync(a => a.Id == released.Id && a.Status == AppointmentStatus.Cancelled, token), ct);
        await changed.NotifyAsync([freed], ct);
    }

    public Task PublishAsync(DomainEvent happened, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            outbox.Add(db, happened);
            await db.SaveChangesAsync(token);
        }, token => EventStoredAsync(happened, token), ct);

    /// <summary>Whether a unit of work whose commit answer was lost did commit: its event's outbox
    /// rows are there (unique per event and subscriber, so a redo could never write them twice).</summary>
    private Task<bool> EventStoredAsync(DomainEvent happened, CancellationToken ct) =>
        db.Outbox.AnyAsync(m => m.EventId == happened.EventId, ct);

    public async Task<bool> SetExternalUidAsync(Guid appointmentId, string externalUid, CancellationToken ct) =>
        await db.Appointments.Where(a => a.Id == appointmentId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.PreviousExternalUid, a => a.ExternalUid != null && a.ExternalUid != externalUid ? a.ExternalUid : a.PreviousExternalUid)
                .SetProperty(a => a.ExternalUid, externalUid), ct) == 1;

    /// <summary>Marks the changed appointment for saving, onto the instance this context already
    /// tracks if there is one (a caller may hold the one it booked a moment ago).</summary>
    private void Track(Appointment changed)
    {
        var tracked = db.ChangeTracker.Entries<Appointment>().FirstOrDefault(e => e.Entity.Id == changed.Id);
        if (tracked is null) db.Appointments.Update(changed);
        else if (!ReferenceEquals(tracked.Entity, changed)) tracked.CurrentValues.SetValues(changed);
    }

    private void Claim(Appointment appointment, TimeInterval blocked) =>
        db.SlotClaims.AddRange(blocked.Granules(SlotClaim.Granule)
            .Select(g => new SlotClaim { CompanyId = appointment.CompanyId, StaffId = appointment.StaffId, GranuleStartUtc = g, AppointmentId = appointment.Id }));

}
