using AskPro.Core.Calendars;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Calendars;

/// <summary>Tells the company's calendar (Cal.com, by uid) that an appointment was cancelled in
/// AskPro. As an outbox subscriber, not in the request: the caller hears "abgesagt" as soon as
/// AskPro has freed the time, and a Cal.com that does not answer is asked again with the
/// outbox's backoff (and shows up as a dead letter after the last attempt) instead of the
/// booking staying in Cal.com for ever. Cancelling by uid twice is harmless (Cal.com answers that
/// it is cancelled already, which counts as done). Cancellations that came from Cal.com are not
/// sent back.</summary>
public sealed class CalComCancellations(AskProDbContext db, ICalendarProvider calendar) : IEventSubscriber<AppointmentCancelled>
{
    public async Task HandleAsync(AppointmentCancelled e, CancellationToken ct)
    {
        if (e.Source == AppointmentSource.CalCom) return;
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (appointment?.ExternalUid is null) return; // never in a calendar
        if (await calendar.CancelledAsync(appointment, ct) is CalendarAnswer.Unknown unknown)
            throw new CalendarUnavailableException("Cal.com did not confirm the cancellation: " + unknown.Reason, "");
    }
}
