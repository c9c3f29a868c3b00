using System.Text.Json;
using System.Text.Json.Nodes;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Calendars;

/// <summary>Cal.com's slots are cached per company for 60 s, and every change AskPro hears of
/// makes the next availability answer fresh: a booking and a cancellation through AskPro, and a
/// Cal.com webhook. Counted at the fake: a fresh answer is one that asked Cal.com again.</summary>
[Collection(CalComSalonCollection.Name)]
public sealed class CalComCacheTests(CalComSalon salon)
{
    private const string Caller = "+4917630000001";
    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;

    private int SlotRequests => salon.Calendar.Seen.Count(r => r.Method == "GET" && r.Path == "/v2/slots");

    // One call throughout: a check holds what it offers for its call, which other calls would see as taken.
    private readonly string _call = "call_" + Guid.NewGuid().ToString("N");

    private Task<JsonElement> CheckAsync(string time) =>
        salon.App.Retell.CallAsync("check_availability", new { datum = "7.1.", uhrzeit = time, dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna" },
            _call, fromNumber: Caller);

    /// <summary>Checks the time and says whether Cal.com was asked for it.</summary>
    private async Task<(JsonElement Reply, bool AskedCalCom)> CheckCountingAsync(string time)
    {
        var before = SlotRequests;
        var reply = await CheckAsync(time);
        return (reply, SlotRequests > before);
    }

    [Fact]
    public async Task A_booking_a_cancellation_and_a_Cal_com_webhook_each_make_the_next_answer_fresh()
    {
        Assert.True((await CheckCountingAsync("10 Uhr")).AskedCalCom);
        var (warm, asked) = await CheckCountingAsync("10 Uhr");
        Assert.Equal("available", Status(warm));
        Assert.False(asked); // served from the cache

        // A booking through AskPro.
        var booked = await salon.App.Retell.CallAsync("book_appointment",
            new { datum = "7.1.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Clara Cache" }, _call, fromNumber: Caller);
        Assert.Equal("booked", Status(booked));
        Assert.True((await CheckCountingAsync("11 Uhr")).AskedCalCom);
        Assert.False((await CheckCountingAsync("11 Uhr")).AskedCalCom);

        // A cancellation through AskPro.
        Assert.Equal("cancelled", Status(await salon.App.Retell.CallAsync("cancel_appointment", new { datum = "7.1." }, _call, fromNumber: Caller)));
        Assert.True((await CheckCountingAsync("11 Uhr")).AskedCalCom);

        // Booked in Cal.com for every host at 14:00 Berlin; within the 60 s AskPro still offers it...
        var start = new DateTimeOffset(2027, 1, 7, 13, 0, 0, TimeSpan.Zero);
        foreach (var i in Enumerable.Range(1, 3))
            Assert.NotNull(salon.Calendar.TryBook(salon.Calendar.EventType(102)!, start, $"Direkt {i}", $"anfrage{i}@example.org", "Europe/Berlin", null, [], "someone-else"));
        var (stale, _) = await CheckCountingAsync("14 Uhr");
        Assert.Equal("available", Status(stale));

        // ... until Cal.com's webhook about it arrives (a request needing confirmation: no appointment of ours changes).
        var webhook = new JsonObject
        {
            ["triggerEvent"] = "BOOKING_REQUESTED", ["createdAt"] = DateTimeOffset.UtcNow.ToString("o"),
            ["payload"] = new JsonObject
            {
                ["uid"] = "req-" + Guid.NewGuid().ToString("N"), ["eventTypeId"] = 102, ["startTime"] = start.ToString("o"), ["endTime"] = start.AddMinutes(30).ToString("o"),
                ["status"] = "PENDING", ["organizer"] = new JsonObject { ["email"] = "anna.schmidt@salon.demo" },
            },
        }.ToJsonString();
        Assert.True((await FakeCalCom.SendAsync(salon.App.Host.ApiClient(null), webhook)).IsSuccessStatusCode);
        await Drain.InboxAsync(salon.App.Host.Services, "calcom");
        var (fresh, refetched) = await CheckCountingAsync("14 Uhr");
        Assert.True(refetched);
        Assert.Equal("unavailable", Status(fresh));
    }
}

/// <summary>A cancellation Cal.com does not confirm is sent again from the outbox until it
/// does, while the caller has long heard that it is cancelled.</summary>
[Collection(CalComSalonCollection.Name)]
public sealed class CalComCancelRetryTests(CalComSalon salon)
{
    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;

    [Fact]
    public async Task A_cancellation_Cal_com_fails_to_take_is_retried_from_the_outbox_until_the_booking_is_cancelled_there()
    {
        const string caller = "+4917630000002";
        var call = "call_" + Guid.NewGuid().ToString("N");
        var booked = await salon.App.Retell.CallAsync("book_appointment",
            new { datum = "8.1.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Stefan Storno" }, call, fromNumber: caller);
        Assert.Equal("booked", Status(booked));
        var start = new DateTime(2027, 1, 8, 9, 0, 0, DateTimeKind.Utc);
        var booking = Assert.Single(salon.Calendar.Bookings, b => b.IsActive && b.Start.UtcDateTime == start);

        // Cal.com answers every cancel attempt of the first delivery (one try and its retries) with 500.
        salon.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 4, Method: "POST", PathPrefix: $"/v2/bookings/{booking.Uid}/cancel"));
        Assert.Equal("cancelled", Status(await salon.App.Retell.CallAsync("cancel_appointment", new { datum = "8.1." }, call, fromNumber: caller)));
        var failed = await Eventually.Async("the first delivery recorded as failed", () => salon.App.ReadAsync(db => db.Outbox.AsNoTracking()
            .SingleAsync(m => m.Subscriber == nameof(Infrastructure.Calendars.CalComCancellations) && m.Payload.Contains(booked.GetProperty("data").GetProperty("appointment_id").GetString()!))),
            m => m.Attempts >= 1);
        Assert.Equal(4, CancelAttempts(booking.Uid));
        Assert.Contains("Cal.com", failed.LastError);
        Assert.True(salon.Calendar.Find(booking.Uid)!.IsActive);

        // The outbox's backoff passes: the next delivery cancels it in Cal.com.
        salon.Clock.Now += TimeSpan.FromMinutes(1);
        await Eventually.Async("the booking cancelled in Cal.com", () => Task.FromResult(salon.Calendar.Find(booking.Uid)!), b => !b.IsActive);
        Assert.Equal(5, CancelAttempts(booking.Uid));
    }

    private int CancelAttempts(string uid) => salon.Calendar.Seen.Count(r => r.Method == "POST" && r.Path == $"/v2/bookings/{uid}/cancel");
}

/// <summary>What AskPro holds for a caller is reserved in Cal.com too, so Cal.com's own booking
/// page cannot sell it meanwhile; the reservation goes when the hold goes.</summary>
[Collection(CalComSalonCollection.Name)]
public sealed class CalComReservationTests(CalComSalon salon)
{
    private static string Status(JsonElement reply) => reply.GetProperty("status").GetString()!;

    [Fact]
    public async Task Held_slots_are_reserved_in_Cal_com_against_its_booking_page_and_released_when_the_caller_has_booked()
    {
        const string caller = "+4917630000003";
        var call = "call_" + Guid.NewGuid().ToString("N");
        var start = new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 in Berlin
        var type = salon.Calendar.EventType(102)!;
        foreach (var i in Enumerable.Range(1, 3)) // 10:00 is booked out in Cal.com
            Assert.NotNull(salon.Calendar.TryBook(type, start, $"Direkt {i}", $"voll{i}@example.org", "Europe/Berlin", null, [], "booking-page"));
        salon.Clock.Now += TimeSpan.FromSeconds(61); // whatever other tests cached of that day is stale

        var check = await salon.App.Retell.CallAsync("check_availability", new { datum = "11.1.", uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna" },
            call, fromNumber: caller);
        Assert.Equal("unavailable", Status(check));
        var offered = check.GetProperty("data").GetProperty("alternatives").EnumerateArray().Select(a => DateTimeOffset.Parse(a.GetProperty("start").GetString()!)).ToList();
        Assert.True(offered.Count >= 2);
        Assert.All(offered, o => Assert.Contains(salon.Calendar.Reservations, r => r.Start == o && r.EventTypeId == 102));

        // Cal.com's booking page (another key) cannot take an offered slot while the caller thinks it over.
        Assert.Null(salon.Calendar.TryBook(type, offered[0], "Seitenbucher", "seite@example.org", "Europe/Berlin", null, [], "booking-page"));

        var chosen = TimeZoneInfo.ConvertTime(offered[0], FakeCalendar.Berlin);
        var booked = await salon.App.Retell.CallAsync("book_appointment",
            new { datum = $"{chosen:d.M.}", uhrzeit = $"{chosen:H:mm} Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Rosa Reserviert" }, call, fromNumber: caller);
        Assert.Equal("booked", Status(booked));
        // Booked: every reservation of the call is gone, also those of the slots not taken.
        Assert.All(offered, o => Assert.DoesNotContain(salon.Calendar.Reservations, r => r.Start == o));
    }
}
