using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Telephony;

/// <summary>100 callers on 100 different calls want the same stylist at the same time.</summary>
public static class PhoneBookingRaceChecks
{
    public static async Task Hundred_callers_book_one_slot_exactly_once(BookingApp app, string date)
    {
        const int callers = 100;
        using var gate = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, callers).Select(async i =>
        {
            await gate.WaitAsync();
            return await app.Retell.CallAsync("book_appointment",
                new { datum = date, uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = $"Anrufer Nummer {Words(i)}" },
                $"call_race_{date}_{i}", fromNumber: $"+4916012{i:D5}");
        }).ToList();
        gate.Release(callers);
        var replies = await Task.WhenAll(attempts);

        var statuses = replies.Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(1, statuses.Count(s => s == "booked"));
        Assert.Equal(callers - 1, statuses.Count(s => s == "slot_taken"));
        Assert.All(replies.Where(r => r.GetProperty("status").GetString() == "slot_taken"),
            r => Assert.NotEmpty(r.GetProperty("data").GetProperty("alternatives").EnumerateArray()));

        var winner = replies.Single(r => r.GetProperty("status").GetString() == "booked").GetProperty("data");
        var startUtc = DateTimeOffset.Parse(winner.GetProperty("start").GetString()!).UtcDateTime;
        var booked = await app.ReadAsync(db => db.Appointments.CountAsync(a => a.StartUtc == startUtc && a.Status != AskPro.Core.Scheduling.AppointmentStatus.Cancelled
            && db.Staff.Any(s => s.Id == a.StaffId && s.Name == "Anna Schmidt")));
        Assert.Equal(1, booked);
        Assert.Equal(new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Utc), startUtc);
    }

    private static string Words(int i) => new string((char)('A' + i % 26), 1) + new string((char)('a' + i / 26), 3);
}

[Collection(BookingAppCollection.Name)]
public sealed class SqlitePhoneBookingRaceTests(BookingApp app)
{
    [Fact]
    public Task Hundred_signed_bookings_for_one_slot_book_exactly_once_on_SQLite() =>
        PhoneBookingRaceChecks.Hundred_callers_book_one_slot_exactly_once(app, "15.1.");
}

public sealed class ServerPhoneBookingRaceTests
{
    [Support.PostgresFact]
    public async Task Hundred_signed_bookings_for_one_slot_book_exactly_once_on_PostgreSQL()
    {
        var server = await Support.PostgresServer.GetAsync();
        using var app = new BookingApp(new() { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = await server.CreateDatabaseAsync() });
        await PhoneBookingRaceChecks.Hundred_callers_book_one_slot_exactly_once(app, "15.1.");
    }

    [Support.SqlServerFact]
    public async Task Hundred_signed_bookings_for_one_slot_book_exactly_once_on_SQL_Server()
    {
        var connection = await Support.TestDatabase.CreateServerDatabaseAsync(Infrastructure.Persistence.DatabaseProvider.SqlServer);
        using var app = new BookingApp(new() { ["Database:Provider"] = "SqlServer", ["Database:ConnectionString"] = connection });
        await PhoneBookingRaceChecks.Hundred_callers_book_one_slot_exactly_once(app, "15.1.");
    }
}

/// <summary>Arguments an attacker (or a confused model) might send: answered with invalid_input
/// in German, and nothing is stored.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class HostileArgumentTests(BookingApp app)
{
    public static TheoryData<string> HostileArgs => new()
    {
        "{\"datum\": 5, \"uhrzeit\": \"10 Uhr\"}",
        "{\"datum\": {\"x\": 1}, \"uhrzeit\": \"10 Uhr\"}",
        "{\"datum\": [\"14.1.\"], \"uhrzeit\": \"10 Uhr\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"10 Uhr\", \"name\": \"" + new string('x', 10_000) + "\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"10 Uhr\", \"name\": \"Robert'); DROP TABLE Appointments;--\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"10 Uhr\", \"name\": \"<script>alert(1)</script>\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"10 Uhr\", \"name\": \"Lena 😀\"}",
        "{\"datum\": \"14.1. 😀\", \"uhrzeit\": \"10 Uhr\", \"name\": \"Lena Lustig\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"10 Uhr\", \"name\": \"Lena\\u0000Lustig\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"10 Uhr\", \"name\": \"Lena Lustig\", \"email\": \"kein-at-zeichen\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"{{7*7}}\", \"name\": \"Lena Lustig\"}",
        "{\"datum\": \"14.1.\", \"uhrzeit\": \"10 Uhr\", \"name\": \"Lena Lustig\", \"dienstleistung\": \"' OR 1=1 --\"}",
        "[1, 2, 3]",
        "\"args\"",
    };

    [Theory]
    [MemberData(nameof(HostileArgs))]
    public async Task Hostile_arguments_get_invalid_input_and_store_nothing(string args)
    {
        var call = "call_hostile_" + Guid.NewGuid().ToString("N");
        var before = await app.ReadAsync(async db => (await db.Appointments.CountAsync(), await db.Customers.CountAsync()));
        var body = $"{{\"name\":\"book_appointment\",\"call\":{{\"call_id\":\"{call}\",\"to_number\":\"+493055501000\",\"from_number\":\"+4915288887777\"}},\"args\":{args}}}";

        var response = await app.Retell.SendAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(reply.GetProperty("status").GetString(), new[] { "invalid_input", "unknown_service" });
        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Matches("[äöüÄÖÜß]|Bitte|bitte|Wie|Welche|nicht", reply.GetProperty("message").GetString()!);
        Assert.Equal(before, await app.ReadAsync(async db => (await db.Appointments.CountAsync(), await db.Customers.CountAsync())));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"name\": \"book_appointment\"}")]
    [InlineData("{\"name\": 5, \"call\": {}}")]
    [InlineData("{\"name\": \"book_appointment\", \"call\": {\"call_id\": \"x\", \"to_number\": \"<script>\"}}")]
    public async Task Malformed_bodies_get_an_envelope_not_an_error(string body)
    {
        var response = await app.Retell.SendAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(reply.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task A_huge_body_is_refused_before_it_is_read()
    {
        var body = "{\"name\":\"x\",\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await app.Retell.SendAsync(body)).StatusCode);
    }
}

/// <summary>With Redis configured, holds live in Redis: the same promises end to end.</summary>
public sealed class RedisHoldBookingTests
{
    [Support.RedisFact]
    public async Task A_held_slot_is_kept_for_its_caller_across_the_app_with_Redis()
    {
        var redis = await Support.RedisServer.GetAsync();
        using var app = new BookingApp(new() { ["Redis:Configuration"] = redis.Configuration });
        var args = new { datum = "14.1.", uhrzeit = "11 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Julia", name = "Paula Sommer" };
        Assert.Equal("available", (await app.Retell.CallAsync("check_availability", args, "call_redis_a")).GetProperty("status").GetString());
        Assert.Equal("slot_taken", (await app.Retell.CallAsync("book_appointment", args, "call_redis_b", fromNumber: "+4916099990001")).GetProperty("status").GetString());
        Assert.Equal("booked", (await app.Retell.CallAsync("book_appointment", args, "call_redis_a", fromNumber: "+4916099990002")).GetProperty("status").GetString());
    }
}
