using System.Text.Json;
using AskPro.Core.Directory;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Telephony;

/// <summary>Public holidays of the branch's region and the company's own closures are closed
/// days, and the caller hears why — through signed function calls against the demo app (the
/// salon in Berlin, DE-BE; the practice in Munich, DE-BY; the salon closed 24–26 December).</summary>
[Collection(SpokenWishesCollection.Name)]
public sealed class ClosedDaysDialogueTests(BookingApp app)
{
    private async Task<(string Status, string Message, JsonElement Data)> CheckAsync(string date, string time, string number, string service, string? staff = null)
    {
        var args = new Dictionary<string, string?> { ["datum"] = date, ["uhrzeit"] = time, ["dienstleistung"] = service, ["mitarbeiter"] = staff }
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        var reply = await app.Retell.CallAsync("check_availability", args, "call_" + Guid.NewGuid().ToString("N"), number);
        return (reply.GetProperty("status").GetString()!, reply.GetProperty("message").GetString()!, reply.GetProperty("data"));
    }

    private static IEnumerable<DateOnly> OfferedDays(JsonElement data) =>
        data.GetProperty("alternatives").EnumerateArray().Select(a => DateOnly.FromDateTime(DateTimeOffset.Parse(a.GetProperty("start").GetString()!).DateTime));

    [Fact]
    public async Task Heilige_Drei_Koenige_closes_the_practice_in_Bavaria_but_not_the_salon_in_Berlin()
    {
        app.Clock.Now = new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero);
        var praxis = await CheckAsync("6.1.", "10 Uhr", RetellClient.PraxisNumber, "Kontrolle");
        Assert.Equal("outside_hours", praxis.Status);
        Assert.StartsWith("Am 6. Januar, Heilige Drei Könige, haben wir geschlossen. Frei wäre Donnerstag, 7. Januar, um 10 Uhr", praxis.Message);
        Assert.DoesNotContain(new DateOnly(2027, 1, 6), OfferedDays(praxis.Data));

        var salon = await CheckAsync("6.1.", "10 Uhr", RetellClient.SalonNumber, "Herrenhaarschnitt", "Julia");
        Assert.Equal("available", salon.Status);
        Assert.StartsWith("Übermorgen um 10 Uhr ist ein Termin für Herrenhaarschnitt frei.", salon.Message);
    }

    [Fact]
    public async Task Neujahr_is_named_and_the_next_open_day_offered()
    {
        app.Clock.Now = new DateTimeOffset(2026, 12, 28, 7, 0, 0, TimeSpan.Zero);
        var (status, message, data) = await CheckAsync("Neujahr", "11 Uhr", RetellClient.SalonNumber, "Herrenhaarschnitt", "Mehmet");
        Assert.Equal("outside_hours", status);
        Assert.StartsWith("Am 1. Januar, Neujahr, haben wir geschlossen. Frei wäre Samstag, 2. Januar 2027, um", message);
        Assert.DoesNotContain(new DateOnly(2027, 1, 1), OfferedDays(data));
    }

    [Fact]
    public async Task A_whole_day_on_a_holiday_says_why_and_offers_other_days()
    {
        app.Clock.Now = new DateTimeOffset(2027, 5, 3, 7, 0, 0, TimeSpan.Zero);
        var (status, message, data) = await CheckAsync("Christi Himmelfahrt", "vormittags", RetellClient.PraxisNumber, "Kontrolle");
        Assert.Equal("outside_hours", status);
        Assert.StartsWith("Am 6. Mai, Christi Himmelfahrt, haben wir geschlossen. Frei wäre", message);
        Assert.DoesNotContain(new DateOnly(2027, 5, 6), OfferedDays(data));
    }

    [Fact]
    public async Task The_companys_own_closure_is_told_with_its_reason()
    {
        app.Clock.Now = new DateTimeOffset(2027, 1, 18, 7, 0, 0, TimeSpan.Zero);
        await app.Host.ReadAsync(async db =>
        {
            var branch = await db.Branches.SingleAsync(b => b.Name == "Praxis Dr. Berg");
            branch.Closures = [.. branch.Closures, new Closure { From = new DateOnly(2027, 2, 1), To = new DateOnly(2027, 2, 5), Reason = "Betriebsurlaub" }];
            return await db.SaveChangesAsync();
        });
        var (status, message, data) = await CheckAsync("3. Februar", "10 Uhr", RetellClient.PraxisNumber, "Kontrolle");
        Assert.Equal("outside_hours", status);
        Assert.StartsWith("Vom 1. bis 5. Februar sind wir wegen Betriebsurlaub geschlossen. Frei wäre Montag, 8. Februar, um 10 Uhr", message);
        Assert.All(OfferedDays(data), d => Assert.True(d > new DateOnly(2027, 2, 5)));
    }

    [Fact]
    public async Task Booking_on_Ostermontag_in_Berlin_says_why_and_offers_other_days()
    {
        app.Clock.Now = new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.Zero);
        var reply = await app.Retell.CallAsync("book_appointment",
            new { datum = "Ostermontag", uhrzeit = "9 Uhr", dienstleistung = "Herrenhaarschnitt", name = "Ida Braun" }, "call_" + Guid.NewGuid().ToString("N"));
        Assert.Equal("outside_hours", reply.GetProperty("status").GetString());
        Assert.StartsWith("Am 29. März, Ostermontag, haben wir geschlossen. Frei wäre", reply.GetProperty("message").GetString());
        Assert.DoesNotContain(new DateOnly(2027, 3, 29), OfferedDays(reply.GetProperty("data")));
    }

    [Fact]
    public async Task An_afternoon_the_practice_is_never_open_is_called_closed_and_afternoons_offered()
    {
        app.Clock.Now = new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero);
        var (status, message, _) = await CheckAsync("Mittwoch nächste Woche", "nachmittags", RetellClient.PraxisNumber, "Kontrolle", "Katrin");
        Assert.Equal("outside_hours", status);
        Assert.Equal("Mittwoch, 13. Januar, haben wir zu dieser Zeit leider geschlossen. Frei wäre Donnerstag, 14. Januar, um 13 Uhr, " +
            "Freitag, 15. Januar, um 13 Uhr oder Montag, 18. Januar, um 13 Uhr.", message);
    }
}
