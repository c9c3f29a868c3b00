using System.Text.Json;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Telephony;

/// <summary>A caller who books directly, without a check first, a time the rules refuse hears
/// the truth — closed then, too soon, too far ahead — in the very words and status
/// check_availability gives, and nothing is stored; "nicht mehr frei" is only for a time the
/// rules allow that someone else has. Signed function calls against the demo app; "now" is
/// Monday 24 May 2027, 09:00 in Berlin (the salon: Mo–Fr 09–18, Sa 09–14; the practice in
/// Munich closes on Fronleichnam, 27 May).</summary>
[Collection(SpokenWishesCollection.Name)]
public sealed class BookingRulesDialogueTests
{
    private readonly BookingApp _app;

    public BookingRulesDialogueTests(BookingApp app)
    {
        _app = app;
        _app.Clock.Now = new DateTimeOffset(2027, 5, 24, 7, 0, 0, TimeSpan.Zero);
    }

    private static string NewCall() => "call_" + Guid.NewGuid().ToString("N");

    private Task<JsonElement> CallAsync(string function, string date, string time, string number, string service, string call, string from = "+4917031310000")
    {
        var args = new Dictionary<string, string?> { ["datum"] = date, ["uhrzeit"] = time, ["dienstleistung"] = service, ["name"] = "Ida Braun" };
        if (number == RetellClient.SalonNumber) args["mitarbeiter"] = "Anna";
        return _app.Retell.CallAsync(function, args, call, number, from);
    }

    private Task<int> AppointmentsAsync() => _app.ReadAsync(db => db.Appointments.CountAsync());

    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;
    private static string Message(JsonElement reply) => reply.GetProperty("message").GetString()!;
    private static List<string?> Offered(JsonElement reply) =>
        reply.GetProperty("data").GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("start").GetString()).ToList();

    [Theory]
    [InlineData("Freitag", "20 Uhr", RetellClient.SalonNumber, "Herrenhaarschnitt", "outside_hours", "Freitag, 28. Mai, um 20 Uhr haben wir leider geschlossen. Frei wäre")]
    [InlineData("heute", "9:30", RetellClient.SalonNumber, "Herrenhaarschnitt", "too_soon", "So kurzfristig kann ich leider nicht buchen, wir brauchen 60 Minuten Vorlauf. Frei wäre")]
    [InlineData("6.9.2027", "10 Uhr", RetellClient.SalonNumber, "Herrenhaarschnitt", "too_far", "So weit im Voraus kann ich leider noch nicht buchen, wir vergeben Termine höchstens 90 Tage im Voraus.")]
    [InlineData("Sonntag", "11 Uhr", RetellClient.SalonNumber, "Herrenhaarschnitt", "outside_hours", "Sonntag, 30. Mai, um 11 Uhr haben wir leider geschlossen. Frei wäre")]
    [InlineData("Fronleichnam", "10 Uhr", RetellClient.PraxisNumber, "Kontrolle", "outside_hours", "Am 27. Mai, Fronleichnam, haben wir geschlossen. Frei wäre")]
    public async Task A_direct_booking_the_rules_refuse_hears_what_a_check_says_and_stores_nothing(
        string date, string time, string number, string service, string status, string heard)
    {
        var call = NewCall();
        var before = await AppointmentsAsync();

        var book = await CallAsync("book_appointment", date, time, number, service, call);

        Assert.Equal(status, Status(book));
        Assert.False(book.GetProperty("success").GetBoolean());
        Assert.StartsWith(heard, Message(book));
        Assert.DoesNotContain("nicht mehr frei", Message(book));
        Assert.Equal(before, await AppointmentsAsync());
        Assert.False(book.GetProperty("data").TryGetProperty("appointment_id", out _));

        // The same wish checked in the same call (the booking held nothing) is answered alike.
        var check = await CallAsync("check_availability", date, time, number, service, call);
        Assert.Equal(status, Status(check));
        Assert.Equal(Message(check), Message(book));
        Assert.Equal(Offered(check), Offered(book));
        Assert.Equal(status == "too_far", Offered(book).Count == 0);
    }

    [Theory]
    [InlineData("heute", "8 Uhr", "8 Uhr ist heute schon vorbei.")]
    [InlineData("20.5.2027", "10 Uhr", "Der 20. Mai ist schon vorbei.")]
    public async Task A_direct_booking_in_the_past_is_questioned_and_stores_nothing(string date, string time, string heard)
    {
        var before = await AppointmentsAsync();
        var book = await CallAsync("book_appointment", date, time, RetellClient.SalonNumber, "Herrenhaarschnitt", NewCall());
        Assert.Equal("invalid_input", Status(book));
        Assert.StartsWith(heard, Message(book));
        Assert.Equal(before, await AppointmentsAsync());
    }

    [Fact]
    public async Task A_time_inside_the_rules_that_another_caller_has_is_still_slot_taken()
    {
        var first = await CallAsync("book_appointment", "Donnerstag", "11 Uhr", RetellClient.SalonNumber, "Herrenhaarschnitt", NewCall(), "+4917031310001");
        Assert.Equal("booked", Status(first));
        var before = await AppointmentsAsync();

        var second = await CallAsync("book_appointment", "Donnerstag", "11 Uhr", RetellClient.SalonNumber, "Herrenhaarschnitt", NewCall(), "+4917031310002");

        Assert.Equal("slot_taken", Status(second));
        Assert.StartsWith("Donnerstag, 27. Mai, um 11 Uhr ist leider nicht mehr frei. Ich kann Ihnen", Message(second));
        Assert.NotEmpty(Offered(second));
        Assert.DoesNotContain("2027-05-27T11:00:00+02:00", Offered(second));
        Assert.Equal(before, await AppointmentsAsync());
    }
}
