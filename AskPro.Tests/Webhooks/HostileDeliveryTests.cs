using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Webhooks;

/// <summary>Correctly signed but hostile or nonsensical bodies — wrong types, deep nesting,
/// injection strings, control characters, absurd numbers — never get a 5xx, and whatever was
/// stored ends Processed or Dead with a reason, never stuck and never crashing the worker.</summary>
public sealed class HostileDeliveryTests(HostileDeliveryTests.App app) : IClassFixture<HostileDeliveryTests.App>
{
    /// <summary>One app for all bodies; its worker runs only when a test drives it.</summary>
    public sealed class App : IDisposable
    {
        public FixedClock Clock { get; } = new(BookingApp.Start);
        public AppHost Host { get; }
        public App() => Host = new AppHost(new() { ["Webhooks:WorkerEnabled"] = "false" }, Clock);
        public void Dispose() => Host.Dispose();
    }

    public static TheoryData<string> RetellBodies => new()
    {
        "{\"event\":5}",
        "{\"event\":null,\"call\":{}}",
        "{\"event\":\"call_ended\",\"call\":[]}",
        "{\"event\":\"call_ended\",\"call\":{\"call_id\":5}}",
        "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"x' OR '1'='1\",\"to_number\":\"+493055501000\",\"from_number\":\"<script>alert(1)</script>\",\"start_timestamp\":-1,\"end_timestamp\":99999999999999999999,\"duration_ms\":\"lang\"}}",
        "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"c\\u0000\\u0007\",\"to_number\":\"'; DROP TABLE \\\"Calls\\\"; --\"}}",
        "{\"event\":\"call_analyzed\",\"call\":{\"call_id\":\"hostile_a\",\"to_number\":\"+493055501000\",\"call_analysis\":\"not an object\",\"call_cost\":{\"combined_cost\":1e308}}}",
        "{\"event\":\"call_started\",\"call\":{\"call_id\":\"hostile_b\",\"to_number\":\"+493055501000\",\"start_timestamp\":9223372036854775807}}",
        "{\"event\":\"call_inbound\",\"call_inbound\":{\"to_number\":{\"x\":1}}}",
        "{\"event\":\"call_inbound\"}",
        "{\"event\":\"" + new string('e', 5000) + "\",\"call\":{\"call_id\":\"c\"}}",
        new string('[', 10_000) + new string(']', 10_000),
        "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"" + new string('i', 100_000) + "\"}}",
        "\u00ef\u00bb\u00bf{}",
        "",
    };

    public static TheoryData<string> CalComBodies => new()
    {
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":[]}",
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"h1\",\"eventTypeId\":\"1002\",\"startTime\":\"gestern\",\"endTime\":5}}",
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"h2\",\"eventTypeId\":1002,\"startTime\":\"2027-02-30T10:00:00+01:00\",\"endTime\":\"2027-02-30T10:30:00+01:00\",\"organizer\":{\"email\":\"schmidt@demo-salon.demo\"},\"attendees\":\"none\"}}",
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":{\"uid\":\"h3\",\"eventTypeId\":1002,\"startTime\":\"2027-02-10T11:00:00+01:00\",\"endTime\":\"2027-02-10T10:00:00+01:00\",\"organizer\":{\"email\":\"schmidt@demo-salon.demo\"},\"attendees\":[{\"name\":\"<img src=x onerror=alert(1)>\",\"email\":\"a@b.c'; DROP TABLE Customers;--\"}]}}",
        "{\"triggerEvent\":\"BOOKING_RESCHEDULED\",\"payload\":{\"uid\":\"h4\",\"rescheduleUid\":{\"x\":1}}}",
        "{\"triggerEvent\":\"BOOKING_CANCELLED\",\"payload\":{\"uid\":\"never-seen\"}}",
        "{\"triggerEvent\":\"DROP TABLE\",\"payload\":{\"uid\":\"h5\"}}",
        "{\"triggerEvent\":\"BOOKING_CREATED\",\"createdAt\":{\"nested\":true},\"payload\":{\"uid\":\"h6\"}}",
        "null",
    };

    [Theory]
    [MemberData(nameof(RetellBodies))]
    public async Task Signed_hostile_Retell_bodies_never_get_a_server_error(string body)
    {
        var status = (int)(await new FakeRetell(app.Host.ApiClient(null), () => app.Clock.Now).SendAsync(body)).StatusCode;
        Assert.InRange(status, 200, 499);
        await AssertNothingStuckAsync(app.Host);
    }

    [Theory]
    [MemberData(nameof(CalComBodies))]
    public async Task Signed_hostile_CalCom_bodies_never_get_a_server_error(string body)
    {
        var status = (int)(await FakeCalCom.SendAsync(app.Host.ApiClient(null), body)).StatusCode;
        Assert.InRange(status, 200, 499);
        await AssertNothingStuckAsync(app.Host);
    }

    /// <summary>Whatever was accepted is applied or dead-lettered with a reason by one pass.</summary>
    private static async Task AssertNothingStuckAsync(AppHost app)
    {
        await app.Services.GetRequiredService<InboxWorker>().ProcessDueAsync(50, default);
        var items = await app.ReadAsync(db => db.Inbox.AsNoTracking().ToListAsync());
        Assert.All(items, i => Assert.True(i.Status == InboxStatus.Processed || (i.Status == InboxStatus.Dead && !string.IsNullOrEmpty(i.LastError)),
            $"{i.EventKey}: {i.Status} {i.LastError}"));
    }
}
