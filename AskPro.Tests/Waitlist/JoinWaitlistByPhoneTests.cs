using System.Net;
using System.Text.Json;
using AskPro.Core.Scheduling;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Waitlist;

/// <summary>join_waitlist as Retell calls it: signed HTTP against the running app. A good wish is
/// stored once; impossible dates, unknown services, injection text and unsigned calls get a German
/// answer (or a refusal) and store nothing.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class JoinWaitlistByPhoneTests(BookingApp app)
{
    private static string NewCall() => "call_" + Guid.NewGuid().ToString("N");
    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;
    private static string Message(JsonElement reply) => reply.GetProperty("message").GetString()!;

    [Fact]
    public async Task A_caller_joins_the_waitlist_for_a_service_and_a_range_of_days()
    {
        const string from = "+4915177770001";
        var reply = await app.Retell.CallAsync("join_waitlist",
            new { dienstleistung = "Herrenhaarschnitt", datum = "1.12.", bis_datum = "15.12.", name = "Jonas Warte" }, NewCall(), fromNumber: from);
        Assert.Equal("waitlisted", Status(reply));
        Assert.True(reply.GetProperty("success").GetBoolean());
        Assert.StartsWith("Ich habe Sie für Herrenhaarschnitt zwischen", Message(reply));
        Assert.Contains("auf die Warteliste gesetzt", Message(reply));

        var entry = await app.ReadAsync(db => db.WaitlistEntries
            .Join(db.Customers, e => e.CustomerId, c => c.Id, (e, c) => new { e.FromDay, e.ToDay, e.Source, e.StaffId, c.Name, c.Phone })
            .SingleAsync(x => x.Phone == AskPro.Core.Shared.E164Number.Parse(from)));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), AppointmentSource.Phone, (Guid?)null, "Jonas Warte"),
            (entry.FromDay, entry.ToDay, entry.Source, entry.StaffId, entry.Name));

        // Asked again (a retry, a wider range): still one entry, widened.
        var again = await app.Retell.CallAsync("join_waitlist", new { dienstleistung = "Herrenhaarschnitt", datum = "1.12.", bis_datum = "20.12." }, NewCall(), fromNumber: from);
        Assert.Equal("waitlisted", Status(again));
        var entries = await app.ReadAsync(db => db.WaitlistEntries.Where(e => db.Customers.Any(c => c.Id == e.CustomerId && c.Phone == AskPro.Core.Shared.E164Number.Parse(from)))
            .Select(e => e.ToDay).ToListAsync());
        Assert.Equal([new DateOnly(2026, 12, 20)], entries);

        // With a named staff member: for them only.
        var anna = await app.Retell.CallAsync("join_waitlist", new { dienstleistung = "Färben", mitarbeiter = "Anna", datum = "nächste Woche" }, NewCall(), fromNumber: from);
        Assert.Equal("waitlisted", Status(anna));
        Assert.NotNull(await app.ReadAsync(db => db.WaitlistEntries.Where(e => e.StaffId != null && db.Services.Any(s => s.Id == e.ServiceId && s.Name == "Färben"))
            .Select(e => e.StaffId).SingleAsync()));
    }

    [Fact]
    public async Task Impossible_dates_unknown_services_injection_and_unsigned_calls_store_nothing()
    {
        var before = await CountsAsync();
        (object Args, string Status, string? Says)[] hostile =
        [
            (new { dienstleistung = "Herrenhaarschnitt", datum = "31.02.", name = "Eva Falsch" }, "invalid_input", null),
            (new { dienstleistung = "Herrenhaarschnitt", datum = "32.13.", name = "Eva Falsch" }, "invalid_input", null),
            (new { dienstleistung = "Herrenhaarschnitt", datum = "24.11.2024", name = "Eva Falsch" }, "invalid_input", null),
            (new { dienstleistung = "Herrenhaarschnitt", datum = "15.12.", bis_datum = "1.12.", name = "Eva Falsch" }, "invalid_input", "Das Ende des Zeitraums liegt vor seinem Anfang."),
            (new { dienstleistung = "Herrenhaarschnitt", datum = "1.12.", bis_datum = "1.12.2027", name = "Eva Falsch" }, "invalid_input", "Die Warteliste reicht höchstens 90 Tage voraus."),
            (new { dienstleistung = "Tätowieren", datum = "1.12.", name = "Eva Falsch" }, "unknown_service", "Diese Leistung bieten wir leider nicht an."),
            (new { dienstleistung = "Herrenhaarschnitt", datum = "1.12.", name = "Robert'); DROP TABLE Customers;--" }, "invalid_input", "Das habe ich leider nicht verstanden."),
            (new { dienstleistung = "<script>alert(1)</script>", datum = "1.12.", name = "Eva Falsch" }, "invalid_input", "Das habe ich leider nicht verstanden."),
            (new { dienstleistung = "Herrenhaarschnitt", datum = new string('9', 5000), name = "Eva Falsch" }, "invalid_input", null),
            (new { dienstleistung = "Herrenhaarschnitt", datum = "1.12.", name = "Eva Falsch", email = "' OR 1=1 --" }, "invalid_input", null),
        ];
        foreach (var (args, status, says) in hostile)
        {
            var reply = await app.Retell.CallAsync("join_waitlist", args, NewCall(), fromNumber: "+4915177770099");
            Assert.Equal(status, Status(reply));
            Assert.False(reply.GetProperty("success").GetBoolean());
            if (says is not null) Assert.StartsWith(says, Message(reply));
            Assert.Matches("[äöüß]|Welche|Wie|Für|Das|Die|Diese", Message(reply)); // German for the ear, never an exception's text
        }

        // An anonymous caller who gives no way to reach them is asked for one.
        var anonymous = await app.Retell.CallAsync("join_waitlist", new { dienstleistung = "Herrenhaarschnitt", datum = "1.12.", name = "Eva Falsch" }, NewCall(), fromNumber: null);
        Assert.Equal(("invalid_input", "Unter welcher Handynummer oder E-Mail-Adresse dürfen wir Ihnen Bescheid geben?"), (Status(anonymous), Message(anonymous)));

        // Unsigned or wrongly signed: refused before anything runs.
        var body = RetellClient.Body("join_waitlist", new { dienstleistung = "Herrenhaarschnitt", datum = "1.12.", name = "Eva Falsch" }, NewCall(), RetellClient.SalonNumber, "+4915177770098");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Retell.SendAsync(body, sign: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Retell.SendAsync(body, signature: "v=1,d=deadbeef")).StatusCode);

        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Entries, int Customers)> CountsAsync() =>
        app.ReadAsync(async db => (await db.WaitlistEntries.CountAsync(), await db.Customers.CountAsync()));
}
