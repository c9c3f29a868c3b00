using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Events;
using AskPro.Core.Scheduling;
using AskPro.Core.Telephony;
using AskPro.Infrastructure.Calendars.CalCom;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Calendars;

/// <summary>Brings Cal.com to a move it did not confirm (<see cref="CalendarMoveUnconfirmed"/>:
/// timeout, 5xx), like <see cref="CalComCancellations"/> does for cancellations: the caller has
/// the new time at once, and the outbox asks Cal.com again with its backoff until Cal.com has
/// the booking at that time too. Never a second move blindly: Cal.com is first asked where the
/// booking is (<see cref="CalComCalendar.MoveAgainAsync"/>). If Cal.com refuses the new time
/// (taken there meanwhile), AskPro goes back to the time Cal.com still has, and staff get a
/// callback request to tell the customer. An appointment cancelled or moved again since needs
/// nothing from here: that change went to Cal.com itself.</summary>
public sealed class CalComMoves(AskProDbContext db, CalComCalendar calCom, IBookingStore store, Reschedule reschedule, TimeProvider clock)
    : IEventSubscriber<CalendarMoveUnconfirmed>
{
    public const string Actor = "calcom-sync";

    public async Task HandleAsync(CalendarMoveUnconfirmed e, CancellationToken ct)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == e.AppointmentId, ct);
        if (appointment is not { IsActive: true, ExternalUid: not null } || appointment.StartUtc != e.StartUtc) return;
        switch (await calCom.MoveAgainAsync(appointment, ct))
        {
            case CalendarAnswer.Accepted { ExternalUid: { } uid } when uid != appointment.ExternalUid:
                await store.SetExternalUidAsync(appointment.Id, uid, ct);
                break;
            case CalendarAnswer.Unknown unknown:
                throw new CalendarUnavailableException("Cal.com did not confirm the move: " + unknown.Reason, "");
            case CalendarAnswer.Refused refused:
                await PutBackAsync(appointment, e.PreviousStartUtc, refused.Reason, ct);
                break;
        }
    }

    private async Task PutBackAsync(Appointment appointment, DateTime previousStartUtc, string reason, CancellationToken ct)
    {
        // Source Cal.com: the move back is Cal.com's state taken over, not sent to it again.
        var back = await reschedule.RunAsync(new RescheduleRequest(appointment.Id, previousStartUtc, AppointmentSource.CalCom, Actor), ct);
        if (back is not RescheduleOutcome.Moved)
            throw new Core.Webhooks.DeadLetterException($"Cal.com refused the move ({reason}) and the old time cannot be restored ({back.GetType().Name}); please resolve it.");
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == appointment.CustomerId, ct);
        db.CallbackRequests.Add(new CallbackRequest
        {
            CompanyId = appointment.CompanyId, CallId = appointment.CallId, CustomerId = appointment.CustomerId, Phone = customer?.Phone, Name = customer?.Name ?? "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Reason = $"Verschiebung auf {appointment.StartUtc:yyyy-MM-dd HH:mm} UTC hat Cal.com abgelehnt ({reason}); der Termin bleibt am {previousStartUtc:yyyy-MM-dd HH:mm} UTC. Bitte den Kunden informieren.",
        });
    }
}
