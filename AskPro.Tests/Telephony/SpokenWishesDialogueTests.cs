using System.Text.Json;
using AskPro.Tests.Support;

namespace AskPro.Tests.Telephony;

[CollectionDefinition(Name)]
public sealed class SpokenWishesCollection : ICollectionFixture<BookingApp>
{
    public const string Name = "spoken wishes";
}

/// <summary>What a caller hears when saying days and times the everyday way, through signed
/// function calls against the running demo app (Salon Sonnenschein, Berlin: Mo–Fr 09–18, Sa
/// 09–14). "Now" is Monday 4 January 2027, 08:00, weeks after the demo's appointments, so every
/// slot is free unless a test takes it.</summary>
[Collection(SpokenWishesCollection.Name)]
public sealed class SpokenWishesDialogueTests
{
    private readonly BookingApp _app;

    public SpokenWishesDialogueTests(BookingApp app)
    {
        _app = app;
        _app.Clock.Now = new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero);
    }

    private async Task<(string Status, string Message, JsonElement Data)> AskAsync(string? date, string? time, string function = "check_availability", string? name = null, string? callId = null)
    {
        var args = new Dictionary<string, string?> { ["datum"] = date, ["uhrzeit"] = time, ["dienstleistung"] = "Herrenhaarschnitt", ["mitarbeiter"] = "Anna", ["name"] = name }
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        var reply = await _app.Retell.CallAsync(function, args, callId ?? "call_" + Guid.NewGuid().ToString("N"));
        return (reply.GetProperty("status").GetString()!, reply.GetProperty("message").GetString()!, reply.GetProperty("data"));
    }

    [Fact]
    public async Task Ende_naechster_Woche_nachmittags_offers_one_afternoon_slot_on_each_day()
    {
        var (status, message, _) = await AskAsync("Ende nächster Woche", "nachmittags");
        Assert.Equal("available", status);
        Assert.Equal("Frei wäre Donnerstag, 14. Januar, um 13 Uhr, Freitag, 15. Januar, um 13 Uhr oder Samstag, 16. Januar, um 13 Uhr. Was passt Ihnen?", message);
    }

    [Fact]
    public async Task Montag_in_zwei_Wochen_viertel_drei_books_Monday_the_18th_at_14_15()
    {
        var call = "call_" + Guid.NewGuid().ToString("N");
        var (status, message, data) = await AskAsync("Montag in zwei Wochen", "viertel drei", callId: call);
        Assert.Equal("available", status);
        Assert.Equal("2027-01-18T14:15:00+01:00", data.GetProperty("requested_start").GetString());
        Assert.StartsWith("Montag, 18. Januar, um 14:15 Uhr ist ein Termin für Herrenhaarschnitt frei.", message);

        var booked = await AskAsync("Montag in zwei Wochen", "viertel drei", "book_appointment", "Greta Wolf", call);
        Assert.Equal("booked", booked.Status);
        Assert.Equal("Ihr Termin für Herrenhaarschnitt ist am Montag, 18. Januar, um 14:15 Uhr gebucht.", booked.Message);
    }

    [Fact]
    public async Task Kurz_nach_zehn_on_Dreikoenig_offers_the_first_slot_after_ten_in_Berlin()
    {
        var (status, message, _) = await AskAsync("Dreikönigstag", "kurz nach zehn");
        Assert.Equal("available", status);
        Assert.Equal("Frei wäre übermorgen um 10:15 Uhr. Welche Uhrzeit passt Ihnen?", message);
    }

    [Fact]
    public async Task Nach_der_Arbeit_is_the_last_hour_before_closing()
    {
        var (status, message, _) = await AskAsync("morgen", "nach der Arbeit");
        Assert.Equal("available", status);
        Assert.Equal("Frei wäre morgen um 17 Uhr. Welche Uhrzeit passt Ihnen?", message);
    }

    [Fact]
    public async Task Fuenf_vor_halb_vier_is_not_called_booked_but_answered_with_the_nearest_slots()
    {
        var (status, message, _) = await AskAsync("übernächste Woche Dienstag", "fünf vor halb vier");
        Assert.Equal("unavailable", status);
        Assert.StartsWith("Dienstag, 19. Januar, um 15:25 Uhr ist leider kein Termin möglich. Ich kann Ihnen Dienstag, 19. Januar, um 15:15 Uhr", message);
        Assert.Contains("15:30 Uhr", message);
    }

    [Fact]
    public async Task Naechstes_Wochenende_on_a_weekday_is_one_precise_question()
    {
        var (status, message, _) = await AskAsync("nächstes Wochenende", null);
        Assert.Equal("invalid_input", status);
        Assert.Equal("Meinen Sie das Wochenende am 9. Januar oder das am 16. Januar?", message);
    }

    [Fact]
    public async Task A_time_alone_that_has_passed_is_asked_about_with_the_next_day()
    {
        _app.Clock.Now = new DateTimeOffset(2027, 1, 7, 16, 0, 0, TimeSpan.Zero); // Thursday 17:00
        var (status, message, _) = await AskAsync(null, "um zehn");
        Assert.Equal("invalid_input", status);
        Assert.Equal("10 Uhr ist heute schon vorbei. Meinen Sie morgen um 10 Uhr?", message);
    }

    [Fact]
    public async Task Anfang_naechsten_Monats_offers_the_first_morning_of_three_days()
    {
        var (status, message, _) = await AskAsync("Anfang nächsten Monats", null);
        Assert.Equal("available", status);
        Assert.Equal("Frei wäre Montag, 1. Februar, um 9 Uhr, Dienstag, 2. Februar, um 9 Uhr oder Mittwoch, 3. Februar, um 9 Uhr. Was passt Ihnen?", message);
    }

    [Fact]
    public async Task An_unknown_day_word_with_a_time_asks_for_the_day_not_today_or_tomorrow()
    {
        var (status, message, _) = await AskAsync("am Brückentag", "um 10");
        Assert.Equal("invalid_input", status);
        Assert.Equal("An welchem Tag möchten Sie um 10 Uhr kommen?", message);
        Assert.DoesNotContain("heute oder morgen", message);
    }
}
