using AskPro.Tests.Support;

namespace AskPro.Tests.Telephony;

/// <summary>Alternatives as the caller hears them, through signed function calls: after closing the
/// latest slots of that day first; a fully booked day answered with the same time on the next
/// open days (demo app, "now" Monday 4 January 2027).</summary>
[Collection(SpokenWishesCollection.Name)]
public sealed class AlternativesDialogueTests
{
    private readonly BookingApp _app;

    public AlternativesDialogueTests(BookingApp app)
    {
        _app = app;
        _app.Clock.Now = new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero);
    }

    private static string NewCall() => "call_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task After_closing_the_latest_slots_of_that_day_come_first()
    {
        var reply = await _app.Retell.CallAsync("check_availability",
            new { datum = "Donnerstag", uhrzeit = "18 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Julia" }, NewCall());
        Assert.Equal("outside_hours", reply.GetProperty("status").GetString());
        Assert.Equal("Donnerstag, 7. Januar, um 18 Uhr haben wir leider geschlossen. Frei wäre Donnerstag, 7. Januar, um 17 Uhr, " +
            "Donnerstag, 7. Januar, um 17:30 Uhr oder Freitag, 8. Januar, um 17:30 Uhr.", reply.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_fully_booked_day_offers_the_same_time_on_the_next_open_days()
    {
        // The practice is open 08–12 on Wednesdays; four 45-minute treatments (+15 buffer) fill Thomas Müller's morning.
        foreach (var (time, i) in new[] { "8 Uhr", "9 Uhr", "10 Uhr", "11 Uhr" }.Select((t, i) => (t, i)))
        {
            var booked = await _app.Retell.CallAsync("book_appointment",
                new { datum = "13.1.", uhrzeit = time, dienstleistung = "Behandlung", mitarbeiter = "Thomas", name = $"Patient Nummer{i}" },
                NewCall(), RetellClient.PraxisNumber, $"+4917012340{i:00}");
            Assert.Equal("booked", booked.GetProperty("status").GetString());
        }

        var reply = await _app.Retell.CallAsync("check_availability",
            new { datum = "Mittwoch, 13.1.", uhrzeit = "10 Uhr", dienstleistung = "Behandlung", mitarbeiter = "Thomas" }, NewCall(), RetellClient.PraxisNumber);
        Assert.Equal("unavailable", reply.GetProperty("status").GetString());
        Assert.Equal("Mittwoch, 13. Januar, um 10 Uhr ist leider schon belegt. Ich kann Ihnen Donnerstag, 14. Januar, um 10 Uhr, " +
            "Freitag, 15. Januar, um 10 Uhr oder Montag, 18. Januar, um 10 Uhr anbieten.", reply.GetProperty("message").GetString());
    }
}
