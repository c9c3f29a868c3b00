using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Booking;

public sealed record RescheduleRequest(Guid AppointmentId, DateTime NewStartUtc, AppointmentSource Source, string Actor);

public abstract record RescheduleOutcome
{
    public sealed record Moved(Appointment Appointment, DateTime PreviousStartUtc) : RescheduleOutcome;

    /// <summary>The new time collides; the appointment keeps its old time.</summary>
    public sealed record SlotTaken : RescheduleOutcome;

    public sealed record PolicyViolated(BookingRule Rule) : RescheduleOutcome;

    /// <summary>Unknown or no longer active appointment, or a start off the grid.</summary>
    public sealed record Rejected(string Reason) : RescheduleOutcome;
}

/// <summary>Moves an active appointment to a new start with the same staff member and service:
/// its old claims are released and the new ones taken in one transaction (a move may overlap
/// its own old time), with an <see cref="AppointmentRescheduled"/> event; a collision changes
/// nothing. Policies: cancellation notice on the old time, notice and horizon on the new one.</summary>
public sealed class Reschedule(IBookingStore store, ITenantDirectory directory, ICalendarProvider calendar, TimeProvider clock, BookingOptions options, Scheduling.Holidays.IPublicHolidayCalendar holidays)
{
    public async Task<RescheduleOutcome> RunAsync(RescheduleRequest request, CancellationToken ct)
    {
        if (request.NewStartUtc.Kind != DateTimeKind.Utc || request.NewStartUtc.Ticks % SlotClaim.Granule.Ticks != 0)
            return new RescheduleOutcome.Rejected($"The new start must be a UTC instant on the {SlotClaim.Granule.TotalMinutes:0}-minute grid.");
        var appointment = await store.FindAsync(request.AppointmentId, ct);
        if (appointment is not { IsActive: true }) return new RescheduleOutcome.Rejected("Unknown or no longer active appointment.");
        var company = await directory.GetAsync(ct);
        if (company.Service(appointment.ServiceId) is not { } service || company.StaffMember(appointment.StaffId) is not { } staff)
            return new RescheduleOutcome.Rejected("The appointment's service or staff member is no longer active.");

        var now = clock.GetUtcNow().UtcDateTime;
        if ((BookingPolicy.CheckChange(service, appointment, now, request.Source)
             ?? BookingPolicy.CheckStart(service, staff, request.NewStartUtc, now, options, request.Source)) is { } broken)
            return new RescheduleOutcome.PolicyViolated(broken);
        if (BookingPolicy.BindsCustomerRules(request.Source)
            && (company.Branch(staff.BranchId) is not { } branch || !BookingPolicy.IsOfferedStart(branch, staff, service, company.Company.SlotGridMinutes, request.NewStartUtc, holidays)))
            return new RescheduleOutcome.PolicyViolated(BookingRule.OutsideHours);
        if (appointment.StartUtc == request.NewStartUtc) return new RescheduleOutcome.Moved(appointment, appointment.StartUtc);

        var previous = appointment.StartUtc;
        var freed = Book.Blocked(appointment, service);
        appointment.StartUtc = request.NewStartUtc;
        appointment.EndUtc = request.NewStartUtc + service.Duration;
        appointment.UpdatedAt = now;
        var moved = new AppointmentRescheduled(appointment.Id, staff.Id, previous, appointment.StartUtc, appointment.EndUtc, request.Source, appointment.CallId)
            { OccurredAtUtc = now, Actor = request.Actor };
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
                // The calendar keeps the old time: so does AskPro (the move back is an event too).
                var back = Book.Blocked(appointment, service);
                appointment.StartUtc = previous;
                appointment.EndUtc = previous + service.Duration;
                var undone = new AppointmentRescheduled(appointment.Id, staff.Id, moved.StartUtc, previous, appointment.EndUtc, request.Source, appointment.CallId)
                    { OccurredAtUtc = now, Actor = "calendar-refused" };
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
