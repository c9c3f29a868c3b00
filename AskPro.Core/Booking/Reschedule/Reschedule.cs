using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Booking;

/// <summary>A move to a new start; with <paramref name="NewStaffId"/> (another member than the
/// appointment's) also to that staff member.</summary>
public sealed record RescheduleRequest(Guid AppointmentId, DateTime NewStartUtc, AppointmentSource Source, string Actor, Guid? NewStaffId = null);

public abstract record RescheduleOutcome
{
    public sealed record Moved(Appointment Appointment, DateTime PreviousStartUtc) : RescheduleOutcome;

    /// <summary>The new time collides; the appointment keeps its old time.</summary>
    public sealed record SlotTaken : RescheduleOutcome;

    public sealed record PolicyViolated(BookingRule Rule) : RescheduleOutcome;

    /// <summary>Unknown or no longer active appointment, or a start off the grid.</summary>
    public sealed record Rejected(string Reason) : RescheduleOutcome;

    /// <summary>The company's calendar (Cal.com) cannot give a booking to another staff member:
    /// nothing changed; cancel and book again with the other member.</summary>
    public sealed record StaffChangeUnsupported : RescheduleOutcome;
}

/// <summary>Moves an active appointment to a new start, with the same or (<see cref="RescheduleRequest.NewStaffId"/>)
/// another staff member of the same service: its old claims are released and the new ones taken,
/// for the member it is now with, in one transaction (a move may overlap its own old time), with
/// an <see cref="AppointmentRescheduled"/> event; a collision changes nothing. Policies:
/// cancellation notice on the old time, notice and horizon on the new one; the new member must
/// perform the service and, on any channel, work then (not away, the branch open).</summary>
public sealed class Reschedule(IBookingStore store, ITenantDirectory directory, ICalendarProvider calendar, TimeProvider clock, BookingOptions options, Scheduling.Holidays.IPublicHolidayCalendar holidays)
{
    public async Task<RescheduleOutcome> RunAsync(RescheduleRequest request, CancellationToken ct)
    {
        if (request.NewStartUtc.Kind != DateTimeKind.Utc || request.NewStartUtc.Ticks % SlotClaim.Granule.Ticks != 0)
            return new RescheduleOutcome.Rejected($"The new start must be a UTC instant on the {SlotClaim.Granule.TotalMinutes:0}-minute grid.");
        var appointment = await store.FindAsync(request.AppointmentId, ct);
        if (appointment is not { IsActive: true }) return new RescheduleOutcome.Rejected("Unknown or no longer active appointment.");
        var company = await directory.GetAsync(ct);
        var staffId = request.NewStaffId ?? appointment.StaffId;
        var changesStaff = staffId != appointment.StaffId;
        if (company.Service(appointment.ServiceId) is not { } service || company.StaffMember(appointment.StaffId) is null && !changesStaff)
            return new RescheduleOutcome.Rejected("The appointment's service or staff member is no longer active.");
        if (company.StaffMember(staffId) is not { } staff) return new RescheduleOutcome.Rejected("Unknown or inactive staff member.");
        // Cal.com moves a booking only in time: its host stays (a change of staff would be a new booking there).
        if (changesStaff && (request.Source == AppointmentSource.CalCom || !await calendar.MovesBetweenStaffAsync(ct)))
            return new RescheduleOutcome.StaffChangeUnsupported();

        var now = clock.GetUtcNow().UtcDateTime;
        if ((BookingPolicy.CheckChange(service, appointment, now, request.Source)
             ?? BookingPolicy.CheckStart(service, staff, request.NewStartUtc, now, options, request.Source)) is { } broken)
            return new RescheduleOutcome.PolicyViolated(broken);
        // Customers get only offered starts; staff handing an appointment to a colleague only one
        // who is there then (working, not away), on any quarter of the clock.
        int? grid = BookingPolicy.BindsCustomerRules(request.Source) ? company.Company.SlotGridMinutes : changesStaff ? (int)SlotClaim.Granule.TotalMinutes : null;
        if (grid is { } minutes
            && (company.Branch(staff.BranchId) is not { } branch || !BookingPolicy.IsOfferedStart(branch, staff, service, minutes, request.NewStartUtc, holidays)))
            return new RescheduleOutcome.PolicyViolated(BookingRule.OutsideHours);
        if (appointment.StartUtc == request.NewStartUtc && !changesStaff) return new RescheduleOutcome.Moved(appointment, appointment.StartUtc);

        var (previous, previousStaff, previousBranch) = (appointment.StartUtc, appointment.StaffId, appointment.BranchId);
        var freed = Book.Blocked(appointment, service);
        // Staff and branch first: the new claims are taken for the member the appointment is now with.
        (appointment.StaffId, appointment.BranchId) = (staff.Id, staff.BranchId);
        appointment.StartUtc = request.NewStartUtc;
        appointment.EndUtc = request.NewStartUtc + service.Duration;
        appointment.UpdatedAt = now;
        var moved = new AppointmentRescheduled(appointment.Id, staff.Id, previous, appointment.StartUtc, appointment.EndUtc, request.Source, appointment.CallId,
            changesStaff ? previousStaff : null) { OccurredAtUtc = now, Actor = request.Actor };
        if (!await store.TryMoveAsync(appointment, freed, Book.Blocked(appointment, service), moved, ct)) return new RescheduleOutcome.SlotTaken();
        if (request.Source == AppointmentSource.CalCom) return new RescheduleOutcome.Moved(appointment, previous);

        switch (await calendar.RescheduledAsync(appointment, previous, ct))
        {
            case CalendarAnswer.Accepted { ExternalUid: { } uid } when uid != appointment.ExternalUid:
                await store.SetExternalUidAsync(appointment.Id, uid, ct);
                appointment.PreviousExternalUid = appointment.ExternalUid;
                appointment.ExternalUid = uid;
                break;
            case CalendarAnswer.Refused:
                // The calendar keeps the old time (and member): so does AskPro (the move back is an event too).
                var back = Book.Blocked(appointment, service);
                (appointment.StaffId, appointment.BranchId) = (previousStaff, previousBranch);
                appointment.StartUtc = previous;
                appointment.EndUtc = previous + service.Duration;
                var undone = new AppointmentRescheduled(appointment.Id, previousStaff, moved.StartUtc, previous, appointment.EndUtc, request.Source, appointment.CallId,
                    changesStaff ? staff.Id : null) { OccurredAtUtc = now, Actor = "calendar-refused" };
                await store.TryMoveAsync(appointment, back, Book.Blocked(appointment, service), undone, ct);
                return new RescheduleOutcome.SlotTaken();
            case CalendarAnswer.Unknown:
                // No answer: the caller keeps the new time, and the outbox asks the calendar again
                // (CalComMoves) until it has moved the booking too, or says why not.
                await store.PublishAsync(new CalendarMoveUnconfirmed(appointment.Id, previous, appointment.StartUtc) { OccurredAtUtc = now, Actor = request.Actor }, ct);
                break;
        }
        return new RescheduleOutcome.Moved(appointment, previous);
    }
}
