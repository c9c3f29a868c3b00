using System.Text.Json;
using AskPro.Core.Scheduling;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Calendars;

/// <summary>A move Cal.com does not confirm (5xx, no answer) is settled from the outbox
/// (CalComMoves) until Cal.com and AskPro agree: the caller keeps the new time, Cal.com gets the
/// move once (never a second blind move after a lost answer), and if Cal.com refuses the new
/// time, AskPro goes back to the time Cal.com has and staff get a callback request.</summary>
[Collection(CalComSalonCollection.Name)]
public sealed class CalComRescheduleRetryTests(CalComSalon salon)
{
    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;

    private async Task<(Guid Appointment, FakeBooking Booking)> BookAsync(string caller, string day, string name, DateTime startUtc)
    {
        var booked = await salon.App.Retell.CallAsync("book_appointment",
            new { datum = day, uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name }, "call_" + Guid.NewGuid().ToString("N"), fromNumber: caller);
        Assert.True(Status(booked) == "booked", booked.GetRawText());
        return (Guid.Parse(booked.GetProperty("data").GetProperty("appointment_id").GetString()!),
            Assert.Single(salon.Calendar.Bookings, b => b.IsActive && b.Start.UtcDateTime == startUtc));
    }

    private Task<JsonElement> MoveAsync(string caller, string day, string time) =>
        salon.App.Retell.CallAsync("reschedule_appointment", new { neues_datum = day, neue_uhrzeit = time }, "call_" + Guid.NewGuid().ToString("N"), fromNumber: caller);

    private Task<Appointment> AppointmentAsync(Guid id) => salon.App.ReadAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));

    private int MovePosts(string uid) => salon.Calendar.Seen.Count(r => r.Method == "POST" && r.Path == $"/v2/bookings/{uid}/reschedule");

    private Task<Infrastructure.Events.OutboxMessage?> MoveMessageAsync(Guid appointment) => salon.App.ReadAsync(db => db.Outbox.AsNoTracking()
        .FirstOrDefaultAsync(m => m.Subscriber == nameof(Infrastructure.Calendars.CalComMoves) && m.Payload.Contains(appointment.ToString())));

    [Fact]
    public async Task A_move_Cal_com_answers_with_500_is_sent_again_from_the_outbox_until_Cal_com_has_the_new_time()
    {
        const string caller = "+4917630000011";
        var oldStart = new DateTime(2027, 1, 19, 9, 0, 0, DateTimeKind.Utc);
        var newStart = oldStart.AddHours(3);
        var (id, booking) = await BookAsync(caller, "19.1.", "Moritz Verschieber", oldStart);

        // The request's own try and the outbox's first delivery get a 500.
        salon.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 2, Method: "POST", PathPrefix: $"/v2/bookings/{booking.Uid}/reschedule"));
        Assert.Equal("rescheduled", Status(await MoveAsync(caller, "19.1.", "13 Uhr")));
        Assert.Equal(newStart, (await AppointmentAsync(id)).StartUtc); // the caller has the new time at once

        var failed = await Eventually.Async("the first delivery recorded as failed", () => MoveMessageAsync(id), m => m is { Attempts: >= 1 });
        Assert.Contains("Cal.com", failed!.LastError);
        Assert.Equal(2, MovePosts(booking.Uid));
        Assert.True(salon.Calendar.Find(booking.Uid)!.IsActive); // Cal.com still has the old time

        salon.Clock.Now += TimeSpan.FromMinutes(1); // the outbox's backoff passes
        var moved = await Eventually.Async("the appointment carrying Cal.com's new uid", () => AppointmentAsync(id), a => a.ExternalUid != booking.Uid);
        Assert.Equal(3, MovePosts(booking.Uid));
        Assert.Equal(booking.Uid, moved.PreviousExternalUid);
        var now = Assert.Single(salon.Calendar.Bookings, b => b.IsActive && b.Metadata.GetValueOrDefault("askpro_appointment_id") == id.ToString());
        Assert.Equal(moved.ExternalUid, now.Uid);
        Assert.Equal(newStart, now.Start.UtcDateTime);
        Assert.Equal(newStart, moved.StartUtc);
    }

    [Fact]
    public async Task A_move_whose_answer_is_lost_after_Cal_com_made_it_is_found_there_and_never_sent_twice()
    {
        const string caller = "+4917630000012";
        var oldStart = new DateTime(2027, 1, 20, 9, 0, 0, DateTimeKind.Utc);
        var newStart = oldStart.AddHours(4);
        var (id, booking) = await BookAsync(caller, "20.1.", "Lotte Verloren", oldStart);

        salon.Calendar.Faults.Add(new FaultRule(Fault.BookThenHang, Times: 1, Method: "POST", PathPrefix: $"/v2/bookings/{booking.Uid}/reschedule"));
        var started = DateTime.UtcNow;
        Assert.Equal("rescheduled", Status(await MoveAsync(caller, "20.1.", "14 Uhr")));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(9));

        var moved = await AppointmentAsync(id);
        var now = Assert.Single(salon.Calendar.Bookings, b => b.IsActive && b.Metadata.GetValueOrDefault("askpro_appointment_id") == id.ToString());
        Assert.Equal(newStart, now.Start.UtcDateTime);
        Assert.Equal(now.Uid, moved.ExternalUid);
        Assert.Equal(1, MovePosts(booking.Uid));
        Assert.Null(await MoveMessageAsync(id)); // settled in the request: nothing left for the outbox
    }

    [Fact]
    public async Task A_move_Cal_com_refuses_on_the_retry_puts_the_appointment_back_to_Cal_com_s_time_with_a_callback_request()
    {
        const string caller = "+4917630000013";
        var oldStart = new DateTime(2027, 1, 21, 9, 0, 0, DateTimeKind.Utc);
        var newStart = oldStart.AddHours(5);
        var (id, booking) = await BookAsync(caller, "21.1.", "Paula Zurück", oldStart);

        salon.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 2, Method: "POST", PathPrefix: $"/v2/bookings/{booking.Uid}/reschedule"));
        Assert.Equal("rescheduled", Status(await MoveAsync(caller, "21.1.", "15 Uhr")));
        await Eventually.Async("the first delivery recorded as failed", () => MoveMessageAsync(id), m => m is { Attempts: >= 1 });

        // Meanwhile Cal.com's own booking page sells 15:00 to everyone else.
        var type = salon.Calendar.EventType(102)!;
        foreach (var i in Enumerable.Range(1, type.Hosts.Count))
            Assert.NotNull(salon.Calendar.TryBook(type, new DateTimeOffset(newStart), $"Direkt {i}", $"seite{i}@example.org", "Europe/Berlin", null, [], "booking-page"));

        salon.Clock.Now += TimeSpan.FromMinutes(1);
        var back = await Eventually.Async("the appointment back at Cal.com's time", () => AppointmentAsync(id), a => a.StartUtc == oldStart);
        Assert.Equal(booking.Uid, back.ExternalUid);
        Assert.True(back.IsActive);
        Assert.True(salon.Calendar.Find(booking.Uid)!.IsActive);
        Assert.Equal(oldStart, salon.Calendar.Find(booking.Uid)!.Start.UtcDateTime);
        // The callback is saved with the delivery, a moment after the move back.
        var callback = await Eventually.Async("a callback request for staff", () => salon.App.ReadAsync(db => db.CallbackRequests.AsNoTracking()
            .Where(c => c.CustomerId == back.CustomerId && c.Reason.Contains("abgelehnt")).ToListAsync()), c => c.Count > 0);
        Assert.Equal("Paula Zurück", Assert.Single(callback).Name);
        Assert.Equal(Core.Webhooks.InboxStatus.Processed, (await MoveMessageAsync(id))!.Status);
    }
}
