using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Privacy;

/// <summary>One caller's whole journey — inbound call, availability, booking, call events,
/// a dead letter, hostile deliveries, a Cal.com booking — with every log level on, then the
/// complete log output is searched for that caller's number, name, e-mail and words.</summary>
public sealed class PersonalDataInLogsTests
{
    private const string Phone = "+4915112398765";
    private const string Name = "Jolanda Quersch";
    private const string Email = "jolanda.quersch@example.org";
    private const string SecretWord = "Zitronenfalter";

    /// <summary>The number as it may be written anywhere: E.164, national, bare digits, spaced.</summary>
    private static readonly string[] Forbidden = [Phone, "015112398765", "0151 12398765", "15112398765", "151 12398765", "Quersch", "Jolanda", "jolanda.quersch", SecretWord];

    [Fact]
    public async Task A_callers_number_name_email_and_words_never_reach_the_log()
    {
        var logs = new CapturedLogs();
        var clock = new FixedClock(BookingApp.Start);
        using var app = new AppHost(new()
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft"] = "Debug",
            ["Webhooks:WorkerEnabled"] = "false",
        }, clock, logs);
        var client = app.ApiClient(null);
        var retell = new FakeRetell(client, () => clock.Now);
        var functions = new RetellClient(client, FakeRetell.DemoKey, () => clock.Now);
        const string callId = "call_privacy_1";

        var inbound = new JsonObject { ["event"] = "call_inbound", ["call_inbound"] = new JsonObject { ["from_number"] = Phone, ["to_number"] = RetellClient.SalonNumber, ["agent_id"] = "agent_demo" } };
        Assert.Equal(HttpStatusCode.OK, (await retell.SendAsync(inbound.ToJsonString())).StatusCode);

        var wish = new Dictionary<string, string> { ["datum"] = "17.12.", ["uhrzeit"] = "10 Uhr", ["dienstleistung"] = "Herrenhaarschnitt", ["name"] = Name, ["telefon"] = Phone, ["email"] = Email };
        Assert.Equal("available", (await functions.CallAsync("check_availability", wish, callId, fromNumber: Phone)).GetProperty("status").GetString());
        Assert.Equal("booked", (await functions.CallAsync("book_appointment", wish, callId, fromNumber: Phone)).GetProperty("status").GetString());
        await functions.CallAsync("get_customer_appointments", new { }, callId, fromNumber: Phone);

        var transcript = $"Agent: Guten Tag!\nUser: Hier ist {Name}, meine Nummer ist 0151 12398765, Geheimwort {SecretWord}.";
        Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(FakeRetell.CallEnded(callId, from: Phone, transcript: transcript))).StatusCode);
        // A call to a number nobody has: dead-lettered, with a warning in the log.
        Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(FakeRetell.CallEnded("call_privacy_2", to: "+493099999999", from: Phone, transcript: transcript))).StatusCode);
        // Hostile deliveries carrying the same data: wrong signature, broken JSON.
        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(FakeRetell.CallEnded("call_privacy_3", from: Phone, transcript: transcript), Encoding.UTF8, "application/json") })
        {
            forged.Headers.TryAddWithoutValidation("X-Retell-Signature", FakeRetell.Sign("other", FakeRetell.DemoKey, clock.Now));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await retell.SendAsync($"{{\"event\":\"call_ended\",\"call\":{{\"from_number\":\"{Phone}\",\"name\":\"{Name}\"")).StatusCode);

        var booking = new JsonObject
        {
            ["triggerEvent"] = "BOOKING_CREATED", ["createdAt"] = "2026-11-23T07:00:00Z",
            ["payload"] = new JsonObject
            {
                ["uid"] = "cal_privacy_1", ["eventTypeId"] = 1002, ["startTime"] = "2026-12-18T10:00:00+01:00", ["endTime"] = "2026-12-18T10:30:00+01:00",
                ["attendees"] = new JsonArray(new JsonObject { ["name"] = Name, ["email"] = Email, ["phoneNumber"] = Phone, ["timeZone"] = "Europe/Berlin" }),
                ["organizer"] = new JsonObject { ["email"] = "schmidt@demo-salon.demo", ["name"] = "Anna" },
                ["responses"] = new JsonObject { ["notes"] = new JsonObject { ["value"] = SecretWord } },
            },
        }.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, (await FakeCalCom.SendAsync(client, booking)).StatusCode);
        // call_inbound (recorded), call_ended, the dead letter, the Cal.com booking.
        Assert.Equal(4, await app.Services.GetRequiredService<InboxWorker>().ProcessDueAsync(50, default));

        // The capture is live: the app's own warnings about this journey are in it.
        var entries = logs.Entries.ToList();
        Assert.Contains(entries, e => e.Contains("dead-lettered", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("bad signature", StringComparison.OrdinalIgnoreCase));
        var leaks = entries.Where(e => Forbidden.Any(f => e.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the log:\n" + string.Join("\n", leaks.Take(5)));
    }
}
