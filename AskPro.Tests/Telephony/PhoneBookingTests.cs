using System.Net;
using System.Text.Json;
using AskPro.Core.Scheduling;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Telephony;

/// <summary>The original system's production failures, each replayed end to end: signed HTTP
/// requests from a fake Retell against the running app with the demo data.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class PhoneBookingTests(BookingApp app)
{
    private RetellClient Retell => app.Retell;
    private static string NewCall() => "call_" + Guid.NewGuid().ToString("N");

    private static object Wish(string date, string time, string? service = "Herrenhaarschnitt", string? staff = "Anna", string? name = null) =>
        new Dictionary<string, string?> { ["datum"] = date, ["uhrzeit"] = time, ["dienstleistung"] = service, ["mitarbeiter"] = staff, ["name"] = name }
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;
    private static string Message(JsonElement reply) => reply.GetProperty("message").GetString()!;
    private static JsonElement Data(JsonElement reply) => reply.GetProperty("data");

    [Fact]
    public async Task A_free_slot_is_offered_held_and_booked_in_German()
    {
        var call = NewCall();
        var check = await Retell.CallAsync("check_availability", Wish("Montag, 14.12.", "14:30"), call);
        Assert.Equal("available", Status(check));
        Assert.True(check.GetProperty("success").GetBoolean());
        Assert.Equal("2026-12-14T14:30:00+01:00", Data(check).GetProperty("requested_start").GetString());
        Assert.Contains("Montag, 14. Dezember, um 14:30 Uhr", Message(check));

        var booked = await Retell.CallAsync("book_appointment", Wish("14.12.", "14:30", name: "Paul Neumann"), call);
        Assert.Equal("booked", Status(booked));
        Assert.Equal("Ihr Termin für Herrenhaarschnitt ist am Montag, 14. Dezember, um 14:30 Uhr gebucht.", Message(booked));
        var id = Guid.Parse(Data(booked).GetProperty("appointment_id").GetString()!);
        var stored = await app.ReadAsync(db => db.Appointments.SingleAsync(a => a.Id == id));
        Assert.Equal(new DateTime(2026, 12, 14, 13, 30, 0, DateTimeKind.Utc), stored.StartUtc);
        Assert.Equal(AppointmentSource.Phone, stored.Source);
    }

    [Fact] // (1) placeholder / truncated args.call_id is ignored; (2) no call webhook needed
    public async Task The_call_comes_from_the_signed_call_object_never_from_args()
    {
        var call = NewCall();
        var reply = await Retell.CallAsync("check_availability", new { datum = "15.12.", uhrzeit = "9 Uhr", dienstleistung = "Beratung", call_id = "call_1" }, call);
        Assert.Equal("available", Status(reply));
        Assert.Equal(1, await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == call)));
        Assert.Equal(0, await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == "call_1")));
        // The function log is written off the request path: it arrives shortly after the answer.
        await Eventually.Async("the function's log row",
            () => app.ReadAsync(db => db.FunctionInvocations.CountAsync(f => db.Calls.Any(c => c.Id == f.CallId && c.RetellCallId == call))), n => n == 1);
    }

    [Fact] // (3) UTC/Berlin shifts on DST days and just after midnight
    public async Task Times_are_right_across_the_spring_change_and_just_after_midnight()
    {
        var original = app.Clock.Now;
        try
        {
            app.Clock.Now = new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.Zero); // Friday before the change (Monday is Ostermontag)
            var spring = await Retell.CallAsync("book_appointment", Wish("Dienstag", "9 Uhr", name: "Ida Braun"), NewCall());
            Assert.Equal("booked", Status(spring));
            Assert.Equal("2027-03-30T09:00:00+02:00", Data(spring).GetProperty("start").GetString());

            app.Clock.Now = new DateTimeOffset(2026, 12, 14, 23, 30, 0, TimeSpan.Zero); // 00:30 on Tuesday 15 December in Berlin
            var midnight = await Retell.CallAsync("check_availability", Wish("heute", "10 Uhr", staff: "Julia"), NewCall());
            Assert.Equal("2026-12-15T10:00:00+01:00", Data(midnight).GetProperty("requested_start").GetString());
            Assert.Contains("heute um 10 Uhr", Message(midnight), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            app.Clock.Now = original;
        }
    }

    [Theory] // (4) an LLM-invented past year is questioned, not booked
    [InlineData("24.11.2024")]
    [InlineData("2023-12-14")]
    [InlineData("14. Dezember 2031")]
    public async Task An_invented_year_is_questioned_not_booked(string date)
    {
        var call = NewCall();
        var reply = await Retell.CallAsync("book_appointment", Wish(date, "10 Uhr", name: "Jonas Wolf"), call);
        Assert.Equal("invalid_input", Status(reply));
        Assert.Contains("?", Message(reply));
        Assert.Equal(0, await app.ReadAsync(db => db.Appointments.CountAsync(a => db.Calls.Any(c => c.Id == a.CallId && c.RetellCallId == call))));
    }

    [Fact] // (5) a Retell retry of book_appointment books once
    public async Task A_retried_booking_books_once_and_answers_the_same()
    {
        var call = NewCall();
        var first = await Retell.CallAsync("book_appointment", Wish("16.12.", "11 Uhr", name: "Lea Koch"), call);
        var retry = await Retell.CallAsync("book_appointment", Wish("16.12.", "11 Uhr", name: "Lea Koch"), call);
        Assert.Equal("booked", Status(first));
        Assert.Equal("booked", Status(retry));
        Assert.Equal(Data(first).GetProperty("appointment_id").GetString(), Data(retry).GetProperty("appointment_id").GetString());
        Assert.Equal(1, await app.ReadAsync(db => db.Appointments.CountAsync(a => db.Calls.Any(c => c.Id == a.CallId && c.RetellCallId == call))));
    }

    [Fact] // (6) availability after a booking, a cancellation and a reschedule is fresh
    public async Task Availability_is_fresh_after_booking_cancelling_and_moving()
    {
        const string caller = "+4917011112222";
        var booking = NewCall();
        Assert.Equal("available", Status(await Retell.CallAsync("check_availability", Wish("17.12.", "10 Uhr"), booking, fromNumber: caller)));
        Assert.Equal("booked", Status(await Retell.CallAsync("book_appointment", Wish("17.12.", "10 Uhr", name: "Emil Hartmann"), booking, fromNumber: caller)));
        Assert.Equal("unavailable", Status(await Retell.CallAsync("check_availability", Wish("17.12.", "10 Uhr"), NewCall())));

        var moved = await Retell.CallAsync("reschedule_appointment", new { neues_datum = "17.12.", neue_uhrzeit = "12 Uhr" }, NewCall(), fromNumber: caller);
        Assert.Equal("rescheduled", Status(moved));
        Assert.Equal("available", Status(await Retell.CallAsync("check_availability", Wish("17.12.", "10 Uhr"), NewCall())));
        Assert.Equal("unavailable", Status(await Retell.CallAsync("check_availability", Wish("17.12.", "12 Uhr"), NewCall())));

        Assert.Equal("cancelled", Status(await Retell.CallAsync("cancel_appointment", new { datum = "17.12." }, NewCall(), fromNumber: caller)));
        Assert.Equal("available", Status(await Retell.CallAsync("check_availability", Wish("17.12.", "12 Uhr"), NewCall())));
    }

    [Fact] // (7) two tenants never see each other's slots or customers
    public async Task The_salon_and_the_praxis_never_see_each_others_slots_or_customers()
    {
        const string caller = "+4917022223333";
        var greta = await Retell.CallAsync("book_appointment", Wish("18.12.", "13 Uhr", staff: "Mehmet", name: "Greta Krüger"), NewCall(), fromNumber: caller);
        Assert.True(Status(greta) == "booked", greta.GetRawText());

        var praxis = await Retell.CallAsync("check_availability", new { datum = "18.12.", uhrzeit = "13 Uhr", dienstleistung = "Erstgespräch" }, NewCall(), RetellClient.PraxisNumber);
        Assert.Equal("available", Status(praxis));
        var theirs = await Retell.CallAsync("get_customer_appointments", null, NewCall(), RetellClient.PraxisNumber, caller);
        Assert.Equal("not_found", Status(theirs));
        Assert.DoesNotContain("Greta", theirs.GetRawText());

        var wrongService = await Retell.CallAsync("check_availability", new { datum = "18.12.", uhrzeit = "10 Uhr", dienstleistung = "Damenhaarschnitt" }, NewCall(), RetellClient.PraxisNumber);
        Assert.Equal("unknown_service", Status(wrongService));
        Assert.DoesNotContain("Damenhaarschnitt", Message(wrongService).Replace("Damenhaarschnitt anbieten", ""));
    }

    [Fact] // (8) check → book after someone else took the slot → slot_taken + alternatives
    public async Task A_slot_taken_meanwhile_gets_alternatives_not_an_error()
    {
        var first = NewCall();
        Assert.Equal("available", Status(await Retell.CallAsync("check_availability", Wish("21.12.", "15 Uhr"), first)));

        // While the hold lasts, a second caller cannot take it.
        var second = NewCall();
        var blocked = await Retell.CallAsync("book_appointment", Wish("21.12.", "15 Uhr", name: "Noah Fischer"), second, fromNumber: "+4917033334444");
        Assert.Equal("slot_taken", Status(blocked));

        // After the hold expired, the second caller gets it; the first then gets alternatives.
        app.Clock.Now += TimeSpan.FromMinutes(6);
        try
        {
            Assert.Equal("booked", Status(await Retell.CallAsync("book_appointment", Wish("21.12.", "15 Uhr", name: "Noah Fischer"), second, fromNumber: "+4917033334444")));
            var late = await Retell.CallAsync("book_appointment", Wish("21.12.", "15 Uhr", name: "Mia Wagner"), first, fromNumber: "+4917044445555");
            Assert.Equal("slot_taken", Status(late));
            Assert.False(late.GetProperty("success").GetBoolean());
            var alternatives = Data(late).GetProperty("alternatives").EnumerateArray().ToList();
            Assert.NotEmpty(alternatives);
            Assert.All(alternatives, a => Assert.NotEqual("2026-12-21T15:00:00+01:00", a.GetProperty("start").GetString()));
            Assert.All(alternatives, a => Assert.EndsWith("Uhr", a.GetProperty("spoken").GetString()));
        }
        finally
        {
            app.Clock.Now -= TimeSpan.FromMinutes(6);
        }
    }

    [Fact] // (10) the service checked is the service booked
    public async Task The_service_checked_is_the_service_booked()
    {
        var call = NewCall();
        Assert.Equal("available", Status(await Retell.CallAsync("check_availability", new { datum = "22.12.", uhrzeit = "9 Uhr", dienstleistung = "Haare färben" }, call)));
        var booked = await Retell.CallAsync("book_appointment", new { datum = "22.12.", uhrzeit = "9 Uhr", name = "Clara Meyer" }, call);
        Assert.Equal("booked", Status(booked));
        Assert.Equal("Färben", Data(booked).GetProperty("service").GetString());
        var id = Guid.Parse(Data(booked).GetProperty("appointment_id").GetString()!);
        var appointment = await app.ReadAsync(db => db.Appointments.SingleAsync(a => a.Id == id));
        Assert.Equal(TimeSpan.FromMinutes(120), appointment.EndUtc - appointment.StartUtc);
    }

    [Theory] // (11) unknown function name
    [InlineData("delete_everything")]
    [InlineData("book_appointments")]
    [InlineData("")]
    public async Task An_unknown_function_is_answered_as_such(string name)
    {
        var reply = await Retell.CallAsync(name, null, NewCall());
        Assert.Equal("unknown_function", Status(reply));
        Assert.False(reply.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task A_version_suffix_on_the_name_is_ignored() =>
        Assert.Equal("ok", Status(await Retell.CallAsync("list_services_v17", null, NewCall())));

    [Fact] // (12) bestaetigung false never books, true never only checks
    public async Task Confirmation_false_only_checks_and_true_books()
    {
        var call = NewCall();
        var check = await Retell.CallAsync("collect_appointment_data", new { datum = "23.12.", uhrzeit = "10 Uhr", dienstleistung = "Beratung", name = "Ben Schulz", bestaetigung = false }, call);
        Assert.Equal("available", Status(check));
        Assert.Equal(0, await app.ReadAsync(db => db.Appointments.CountAsync(a => db.Calls.Any(c => c.Id == a.CallId && c.RetellCallId == call))));

        var book = await Retell.CallAsync("collect_appointment_data", new { datum = "23.12.", uhrzeit = "10 Uhr", dienstleistung = "Beratung", name = "Ben Schulz", bestaetigung = true }, call);
        Assert.Equal("booked", Status(book));
        Assert.False(string.IsNullOrEmpty(Data(book).GetProperty("appointment_id").GetString()));
    }

    [Fact] // (15) one Call row per call; anonymous callers cannot read, cancel or move anything
    public async Task Anonymous_callers_never_hear_or_touch_anyones_appointments()
    {
        const string owner = "+4917055556666";
        var booked = await Retell.CallAsync("book_appointment", Wish("28.12.", "11 Uhr", name: "Hannah Richter"), NewCall(), fromNumber: owner);
        var id = Data(booked).GetProperty("appointment_id").GetString();

        foreach (var anonymous in new string?[] { "anonymous", "", null, "unknown" })
        {
            var call = NewCall();
            var list = await Retell.CallAsync("get_customer_appointments", null, call, fromNumber: anonymous);
            Assert.Equal("anonymous", Status(list));
            Assert.Equal("anonymous", Status(await Retell.CallAsync("cancel_appointment", new { termin_id = id }, call, fromNumber: anonymous)));
            Assert.Equal("anonymous", Status(await Retell.CallAsync("reschedule_appointment", new { termin_id = id, neues_datum = "29.12.", neue_uhrzeit = "11 Uhr" }, call, fromNumber: anonymous)));
            Assert.Equal(1, await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == call)));
        }

        // Another known caller cannot reach it either, even with its id, and hears no name.
        var stranger = await Retell.CallAsync("cancel_appointment", new { termin_id = id }, NewCall(), fromNumber: "+4917066667777");
        Assert.Equal("not_found", Status(stranger));
        Assert.DoesNotContain("Hannah", stranger.GetRawText());
        Assert.DoesNotContain(owner, stranger.GetRawText());
        Assert.Equal(AppointmentStatus.Scheduled, await app.ReadAsync(db => db.Appointments.Where(a => a.Id == Guid.Parse(id!)).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_anonymous_caller_can_still_book_and_ask_for_a_callback()
    {
        var call = NewCall();
        var booked = await Retell.CallAsync("book_appointment", Wish("29.12.", "16 Uhr", name: "Lukas Becker"), call, fromNumber: "anonymous");
        Assert.Equal("booked", Status(booked));
        var customerId = await app.ReadAsync(db => db.Appointments.Where(a => a.Id == Guid.Parse(Data(booked).GetProperty("appointment_id").GetString()!)).Select(a => a.CustomerId).SingleAsync());
        Assert.Null(await app.ReadAsync(db => db.Customers.Where(c => c.Id == customerId).Select(c => c.Phone).SingleAsync()));

        Assert.Equal("invalid_input", Status(await Retell.CallAsync("request_callback", new { grund = "Frage" }, call, fromNumber: "anonymous")));
        Assert.Equal("queued", Status(await Retell.CallAsync("request_callback", new { grund = "Frage zum Preis", telefon = "0171 2345678", name = "Lukas Becker" }, call, fromNumber: "anonymous")));
        Assert.Equal("+491712345678", await app.ReadAsync(db => db.CallbackRequests.Where(c => c.Reason == "Frage zum Preis").Select(c => c.Phone!.Value).SingleAsync()));
    }

    [Fact]
    public async Task Booking_needs_a_name_and_a_late_cancellation_is_refused_with_the_policy()
    {
        Assert.Equal("missing_name", Status(await Retell.CallAsync("book_appointment", Wish("30.12.", "10 Uhr"), NewCall(), fromNumber: "+4917077778888")));

        const string caller = "+4917088889999";
        var original = app.Clock.Now;
        app.Clock.Now = new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero); // a Tuesday after the demo's appointments
        try
        {
            Assert.Equal("booked", Status(await Retell.CallAsync("book_appointment", Wish("heute", "15 Uhr", staff: "Mehmet", name: "Finn Weber"), NewCall(), fromNumber: caller)));
            var late = await Retell.CallAsync("cancel_appointment", new { datum = "heute" }, NewCall(), fromNumber: caller);
            Assert.Equal("too_late", Status(late));
            Assert.Contains("24 Stunden", Message(late));
            var listed = await Retell.CallAsync("get_customer_appointments", null, NewCall(), fromNumber: caller);
            Assert.Equal("ok", Status(listed));
            Assert.Contains("heute um 15 Uhr", Message(listed));
        }
        finally
        {
            app.Clock.Now = original;
        }
    }

    [Fact]
    public async Task Outside_opening_hours_the_edges_of_that_day_are_offered_first()
    {
        var call = NewCall(); // one caller: its own holds do not hide slots from it
        var early = await Retell.CallAsync("check_availability", Wish("4.1.", "7 Uhr", staff: "Julia"), call);
        Assert.Equal("outside_hours", Status(early));
        Assert.Equal("2027-01-04T09:00:00+01:00", Data(early).GetProperty("alternatives")[0].GetProperty("start").GetString());

        var saturday = await Retell.CallAsync("check_availability", Wish("Samstag, 2.1.", "16 Uhr", staff: "Julia"), call);
        Assert.Equal("outside_hours", Status(saturday));
        // after closing: that Saturday's latest slots, then the same time on Monday
        Assert.Equal(["2027-01-02T13:00:00+01:00", "2027-01-02T13:30:00+01:00", "2027-01-04T16:00:00+01:00"],
            Data(saturday).GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("start").GetString()).ToList());
        Assert.Contains("geschlossen", Message(saturday));
    }

    [Fact]
    public async Task A_number_no_company_has_gets_a_clear_answer_and_no_default_company()
    {
        var call = NewCall();
        var reply = await Retell.CallAsync("check_availability", Wish("14.12.", "10 Uhr"), call, toNumber: "+493099999999");
        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Contains("keinem Betrieb", Message(reply));
        Assert.Equal(0, await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == call)));
    }

    [Theory]
    [InlineData("wrong-key-000000", 0)]
    [InlineData("askpro-demo-retell-key", -7)]
    [InlineData("askpro-demo-retell-key", 7)]
    public async Task Unsigned_or_badly_signed_calls_are_refused_and_store_nothing(string key, int minutes)
    {
        var call = NewCall();
        var body = RetellClient.Body("book_appointment", Wish("14.12.", "16 Uhr", name: "Max Mustermann"), call, RetellClient.SalonNumber, "+4917099990000");
        var signature = AskPro.Infrastructure.Telephony.RetellSignature.Sign(System.Text.Encoding.UTF8.GetBytes(body), key, app.Clock.Now.AddMinutes(minutes));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Retell.SendAsync(body, signature)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Retell.SendAsync(body, sign: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Retell.SendAsync(body.Replace("16 Uhr", "17 Uhr"), RetellSignatureOf(body))).StatusCode);
        Assert.Equal(0, await app.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId == call)));
    }

    private string RetellSignatureOf(string body) =>
        AskPro.Infrastructure.Telephony.RetellSignature.Sign(System.Text.Encoding.UTF8.GetBytes(body), "askpro-demo-retell-key", app.Clock.Now);
}
