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
        db.Appointments.Add(appointment);
        Claim(appointment, blocked);
        if (bookedEvent is not null) outbox.Add(db, bookedEvent);
        // SaveChanges runs in one transaction: the appointment exists only with all its claims and
        // its event. A deadlock victim wrote nothing and its entities are still Added: save again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                return false;
            }
            catch (Exception ex) when (attempt < MaxDeadlockRetries && DatabaseMigrator.IsDeadlock(ex))
            {
            }
        }
        await changed.NotifyAsync([blocked], ct);
        return true;
    }

    /// <summary>How often a unit of work is redone after the database chose it as a deadlock victim.</summary>
    private const int MaxDeadlockRetries = 5;

    public async Task<bool> TryMoveAsync(Appointment moved, TimeInterval freed, TimeInterval blocked, DomainEvent rescheduled, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // Old claims go first, so a move that overlaps its own old time is possible.
                await db.SlotClaims.Where(c => c.AppointmentId == moved.Id).ExecuteDeleteAsync(ct);
                Track(moved);
                Claim(moved, blocked);
                outbox.Add(db, rescheduled);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                break;
            }
            catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return false;
            }
            catch (Exception ex) when (attempt < MaxDeadlockRetries && DatabaseMigrator.IsDeadlock(ex))
            {
                // The whole move is redone: the aborted transaction kept neither the deletes nor the claims.
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
        }
        await changed.NotifyAsync([freed, blocked], ct);
        return true;
    }

    public async Task CancelAsync(Appointment cancelled, TimeInterval freed, DomainEvent cancelledEvent, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SlotClaims.Where(c => c.AppointmentId == cancelled.Id).ExecuteDeleteAsync(ct);
        Track(cancelled);
        outbox.Add(db, cancelledEvent);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await changed.NotifyAsync([freed], ct);
    }

    public async Task SetStatusAsync(Appointment appointment, TimeInterval? freed, DomainEvent statusChanged, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (freed is not null) await db.SlotClaims.Where(c => c.AppointmentId == appointment.Id).ExecuteDeleteAsync(ct);
        Track(appointment);
        outbox.Add(db, statusChanged);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (freed is { } time) await changed.NotifyAsync([time], ct);
    }

    public async Task ConfirmAsync(Appointment confirmed, DomainEvent bookedEvent, CancellationToken ct)
    {
        Track(confirmed);
        outbox.Add(db, bookedEvent);
        await db.SaveChangesAsync(ct);
    }

    public async Task ReleaseAsync(Appointment released, TimeInterval freed, string reason, Core.Telephony.CallbackRequest? callback, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SlotClaims.Where(c => c.AppointmentId == released.Id).ExecuteDeleteAsync(ct);
        released.Status = AppointmentStatus.Cancelled;
        released.CancellationReason = reason.Length > 1000 ? reason[..1000] : reason;
        Track(released);
        if (callback is not null) db.CallbackRequests.Add(callback);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await changed.NotifyAsync([freed], ct);
    }

    public async Task PublishAsync(DomainEvent happened, CancellationToken ct)
    {
        outbox.Add(db, happened);
        await db.SaveChangesAsync(ct);
    }

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
