using System.Text.Json;
using AskPro.Core.Scheduling;
using AskPro.Tests.Telephony;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Calendars;

/// <summary>Phone bookings of the demo salon with Cal.com as its calendar: signed Retell function
/// calls against the running app, a fake Cal.com over real HTTP. Each test has its own day.</summary>
[Collection(CalComSalonCollection.Name)]
public sealed class CalComPhoneBookingTests(CalComSalon salon)
{
    private static string NewCall() => "call_" + Guid.NewGuid().ToString("N");
    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;
    private static string Message(JsonElement reply) => reply.GetProperty("message").GetString()!;

    private Task<JsonElement> BookAsync(string date, string time, string call, string from, string name = "Paul Neumann") =>
        salon.App.Retell.CallAsync("book_appointment", new { datum = date, uhrzeit = time, dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name }, call, fromNumber: from);

    private Task<Appointment?> AppointmentAsync(JsonElement reply) =>
        salon.App.ReadAsync(db => db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Guid.Parse(reply.GetProperty("data").GetProperty("appointment_id").GetString()!)));

    private Task<int> ActiveAtAsync(DateTime startUtc) =>
        salon.App.ReadAsync(db => db.Appointments.CountAsync(a => a.StartUtc == startUtc && a.Status != AppointmentStatus.Cancelled));

    private IReadOnlyList<FakeBooking> FakeBookingsAt(DateTime startUtc) =>
        salon.Calendar.Bookings.Where(b => b.IsActive && b.Start.UtcDateTime == startUtc).ToList();

    [Fact]
    public async Task A_phone_booking_lands_in_Cal_com_with_our_metadata_and_a_unique_attendee_and_is_confirmed_with_its_uid()
    {
        var call = NewCall();
        var check = await salon.App.Retell.CallAsync("check_availability", new { datum = "15.12.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna" },
            call, fromNumber: "+4917610000001");
        Assert.Equal("available", Status(check));

        var first = await BookAsync("15.12.", "10 Uhr", call, "+4917610000001");
        Assert.Equal("booked", Status(first));
        Assert.Equal("Ihr Termin für Herrenhaarschnitt ist am Dienstag, 15. Dezember, um 10 Uhr gebucht.", Message(first));
        var appointment = (await AppointmentAsync(first))!;
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        var booking = Assert.Single(FakeBookingsAt(appointment.StartUtc));
        Assert.Equal(booking.Uid, appointment.ExternalUid);
        Assert.Equal(appointment.Id.ToString(), booking.Metadata["askpro_appointment_id"]);
        Assert.Equal("anna.schmidt@salon.demo", booking.Host.Email);
        Assert.EndsWith("@kunden.salon.demo", booking.AttendeeEmail);

        // Another caller without an e-mail books under their own alias, never a shared placeholder.
        var second = await BookAsync("15.12.", "11 Uhr", NewCall(), "+4917610000002", "Erika Muster");
        Assert.Equal("booked", Status(second));
        var other = Assert.Single(FakeBookingsAt((await AppointmentAsync(second))!.StartUtc));
        Assert.NotEqual(booking.AttendeeEmail, other.AttendeeEmail);
    }

    [Fact]
    public async Task Time_booked_directly_in_Cal_com_is_not_offered()
    {
        var start = new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero); // 10:00 in Berlin
        var type = salon.Calendar.EventType(102)!;
        foreach (var i in Enumerable.Range(1, 3)) // every host of the event type
            Assert.NotNull(salon.Calendar.TryBook(type, start, $"Direkt {i}", $"direkt{i}@example.org", "Europe/Berlin", null, [], "someone-else"));
        // Without the webhook that would tell AskPro at once, Cal.com's slots are at most 60 s old.
        salon.Clock.Now += TimeSpan.FromSeconds(61);

        var check = await salon.App.Retell.CallAsync("check_availability", new { datum = "16.12.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna" }, NewCall());
        Assert.Equal("unavailable", Status(check));
        Assert.NotEmpty(check.GetProperty("data").GetProperty("alternatives").EnumerateArray());
    }

    [Fact]
    public async Task Cal_com_saying_taken_releases_the_claim_and_answers_with_alternatives()
    {
        salon.Calendar.Faults.Add(new FaultRule(Fault.SlotTaken, Times: 1, Method: "POST", PathPrefix: "/v2/bookings"));
        var reply = await BookAsync("17.12.", "10 Uhr", NewCall(), "+4917610000003");
        Assert.Equal("slot_taken", Status(reply));
        Assert.NotEmpty(reply.GetProperty("data").GetProperty("alternatives").EnumerateArray());
        var start = new DateTime(2026, 12, 17, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(0, await ActiveAtAsync(start));
        Assert.Empty(FakeBookingsAt(start));
        Assert.Equal(0, await salon.App.ReadAsync(db => db.SlotClaims.CountAsync(c => c.GranuleStartUtc == start)));
    }

    [Fact]
    public async Task A_booking_answered_with_someone_elses_booking_is_rejected()
    {
        salon.Calendar.Faults.Add(new FaultRule(Fault.WrongBooking, Times: 1, Method: "POST", PathPrefix: "/v2/bookings"));
        var reply = await BookAsync("18.12.", "10 Uhr", NewCall(), "+4917610000004");
        Assert.NotEqual("booked", Status(reply));
        Assert.Equal(0, await ActiveAtAsync(new DateTime(2026, 12, 18, 9, 0, 0, DateTimeKind.Utc)));
        // The other caller's booking is untouched, and nothing was booked for this one.
        Assert.Empty(FakeBookingsAt(new DateTime(2026, 12, 18, 9, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task A_lost_answer_after_Cal_com_booked_is_found_by_our_metadata_and_confirmed_without_a_duplicate()
    {
        salon.Calendar.Faults.Add(new FaultRule(Fault.BookThenHang, Times: 1, Method: "POST", PathPrefix: "/v2/bookings"));
        var reply = await BookAsync("21.12.", "10 Uhr", NewCall(), "+4917610000005");
        Assert.Equal("booked", Status(reply));
        var appointment = (await AppointmentAsync(reply))!;
        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        var booking = Assert.Single(FakeBookingsAt(appointment.StartUtc));
        Assert.Equal(booking.Uid, appointment.ExternalUid);
    }

    [Fact]
    public async Task No_answer_at_all_leaves_the_appointment_pending_holding_its_time_and_the_caller_is_told_so()
    {
        salon.Calendar.Faults.Add(new FaultRule(Fault.Hang, Times: 2, Method: "POST", PathPrefix: "/v2/bookings"));
        var reply = await BookAsync("22.12.", "10 Uhr", NewCall(), "+4917610000006");
        Assert.Equal("booked", Status(reply));
        Assert.True(reply.GetProperty("data").GetProperty("pending").GetBoolean());
        Assert.Contains("vorgemerkt", Message(reply));
        var appointment = (await AppointmentAsync(reply))!;
        Assert.Equal(AppointmentStatus.Pending, appointment.Status);
        Assert.Empty(FakeBookingsAt(appointment.StartUtc));
        Assert.Equal(1, await ActiveAtAsync(appointment.StartUtc)); // its time stays claimed meanwhile
    }

    [Fact]
    public async Task Cal_com_down_gives_a_German_answer_with_a_callback_offer_never_an_error_page()
    {
        salon.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 4, Method: "GET", PathPrefix: "/v2/slots"));
        var reply = await salon.App.Retell.CallAsync("check_availability", new { datum = "23.12.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt" }, NewCall());
        Assert.Equal("error", Status(reply));
        Assert.Contains("nicht erreichbar", Message(reply));
        Assert.Contains("Rückruf", Message(reply));
        Assert.True(reply.GetProperty("data").GetProperty("callback_offered").GetBoolean());
    }

    [Fact]
    public async Task Hundred_callers_for_one_slot_book_exactly_once_in_AskPro_and_in_Cal_com()
    {
        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 100).Select(async i =>
        {
            await gate.WaitAsync();
            return await salon.App.Retell.CallAsync("book_appointment",
                new { datum = "15.1.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = $"Anrufer {(char)('A' + i % 26)}{new string((char)('a' + i / 26), 3)}" },
                $"call_calcom_race_{i}", fromNumber: $"+4916013{i:D5}");
        }).ToList();
        gate.Release(100);
        var statuses = (await Task.WhenAll(attempts)).Select(Status).ToList();

        Assert.Equal(1, statuses.Count(s => s == "booked"));
        // The others lost the claim; under this stampede some may hear that the calendar is busy
        // (a German error with a callback offer), none is booked.
        Assert.All(statuses.Where(s => s != "booked"), s => Assert.Contains(s, new[] { "slot_taken", "error" }));
        var start = new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(1, await ActiveAtAsync(start));
        Assert.Single(FakeBookingsAt(start));
    }
}

/// <summary>BookingReconciliationJob settles what a lost Cal.com answer left Pending.</summary>
[Collection(CalComSalonCollection.Name)]
public sealed class CalComReconciliationTests(CalComSalon salon)
{
    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;

    private Task<JsonElement> BookAsync(string date, string from) =>
        salon.App.Retell.CallAsync("book_appointment", new { datum = date, uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Rita Rückruf" },
            "call_" + Guid.NewGuid().ToString("N"), fromNumber: from);

    private Task<Appointment> AppointmentAsync(JsonElement reply) =>
        salon.App.ReadAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(reply.GetProperty("data").GetProperty("appointment_id").GetString()!)));

    /// <summary>Three minutes later the job runs (triggered, as the 5-minute schedule would).</summary>
    private async Task<Appointment> ReconciledAsync(Guid id)
    {
        salon.Clock.Now += TimeSpan.FromMinutes(3);
        var scheduler = await salon.App.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(Infrastructure.Calendars.CalCom.BookingReconciliationJob.Key);
        return await Eventually.Async("the pending appointment settled",
            () => salon.App.ReadAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id)), a => a.Status != AppointmentStatus.Pending);
    }

    [Fact]
    public async Task Cal_com_booked_but_the_answer_and_the_look_up_were_lost_then_reconciliation_confirms_without_a_duplicate()
    {
        salon.Calendar.Faults.Add(new FaultRule(Fault.BookThenHang, Times: 1, Method: "POST", PathPrefix: "/v2/bookings"));
        salon.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 4, Method: "GET", PathPrefix: "/v2/bookings"));
        var reply = await BookAsync("28.12.", "+4917620000001");
        Assert.Equal("booked", Status(reply));
        var pending = await AppointmentAsync(reply);
        Assert.Equal(AppointmentStatus.Pending, pending.Status);

        var settled = await ReconciledAsync(pending.Id);
        Assert.Equal(AppointmentStatus.Confirmed, settled.Status);
        var booking = Assert.Single(salon.Calendar.Bookings, b => b.IsActive && b.Start.UtcDateTime == pending.StartUtc);
        Assert.Equal(booking.Uid, settled.ExternalUid);
        Assert.Equal(1, await salon.App.ReadAsync(db => db.Appointments.CountAsync(a => a.StartUtc == pending.StartUtc && a.Status != AppointmentStatus.Cancelled)));
        Assert.Contains(await salon.App.ReadAsync(db => db.AuditEntries.Where(e => e.EntityId == pending.Id.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == "calcom.pending.confirmed");
    }

    [Fact]
    public async Task Cal_com_never_got_it_then_reconciliation_releases_it_and_asks_staff_to_call_back()
    {
        salon.Calendar.Faults.Add(new FaultRule(Fault.Hang, Times: 2, Method: "POST", PathPrefix: "/v2/bookings"));
        var reply = await BookAsync("29.12.", "+4917620000002");
        var pending = await AppointmentAsync(reply);
        Assert.Equal(AppointmentStatus.Pending, pending.Status);

        var settled = await ReconciledAsync(pending.Id);
        Assert.Equal(AppointmentStatus.Cancelled, settled.Status);
        Assert.Equal(0, await salon.App.ReadAsync(db => db.SlotClaims.CountAsync(c => c.AppointmentId == pending.Id)));
        // Released with its callback in one transaction: seen released means the callback is there.
        var callback = await salon.App.ReadAsync(db => db.CallbackRequests.AsNoTracking().SingleAsync(c => c.CustomerId == pending.CustomerId));
        Assert.Equal("+4917620000002", callback.Phone?.Value);
        Assert.Contains("Cal.com", callback.Reason);
        Assert.Contains(await salon.App.ReadAsync(db => db.AuditEntries.Where(e => e.EntityId == pending.Id.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == "calcom.pending.released");
    }
}
