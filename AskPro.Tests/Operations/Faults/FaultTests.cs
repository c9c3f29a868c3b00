using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using Npgsql;

namespace AskPro.Tests.Operations.Faults;

/// <summary>Faults while calls run, with the real servers stopped and started by pid under the
/// real app process (<see cref="AppProcess"/>, demo salon on PostgreSQL): Redis lost and back,
/// PostgreSQL killed and restarted, a table held by another connection's lock.</summary>
public sealed class FaultTests
{
    private const string RetellKey = "askpro-demo-retell-key";
    private const int BudgetSeconds = 3;

    [RedisPostgresFact]
    public async Task Redis_stopped_and_started_again_calls_keep_booking_readiness_says_degraded_and_duplicates_are_applied_once()
    {
        var redisPort = TestServices.FreePort();
        var redis = RedisServer.StartOwn(redisPort);
        try
        {
            var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
            using var app = await AppProcess.StartAsync(Settings(database, $"127.0.0.1:{redisPort},abortConnect=false,connectTimeout=1000"));
            using var http = Http(app);
            await Eventually.Async("readiness sees Redis", () => ReadinessAsync(http), r => r is (HttpStatusCode.OK, "Healthy"), TimeSpan.FromSeconds(30));

            await redis.StopAsync(TimeSpan.FromSeconds(10));
            await RedisServer.WaitUntilDownAsync(redisPort);
            // Degraded, not Unhealthy: the node stays in the load balancer (every node shares this Redis).
            await Eventually.Async("readiness reports Redis degraded", () => ReadinessAsync(http), r => r is (HttpStatusCode.OK, "Degraded"), TimeSpan.FromSeconds(30));

            var day = NextWorkday(DateTime.Today.AddDays(18));
            var caller = new RetellClient(http, RetellKey, () => DateTimeOffset.UtcNow);
            var booked = await caller.CallAsync("book_appointment", Wish(day, "10 Uhr", "Redis Ausfall"), "call_faults_redis_" + Guid.NewGuid().ToString("N"));
            Assert.True(booked.GetProperty("status").GetString() == "booked", booked.ToString());

            // Without Redis's duplicate shortcut the inbox's unique index decides: twice sent, both acknowledged, stored once.
            var callId = "call_faults_dup_" + Guid.NewGuid().ToString("N");
            Assert.Equal(HttpStatusCode.NoContent, (await SendWebhookAsync(http, "call_ended", callId)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await SendWebhookAsync(http, "call_ended", callId)).StatusCode);
            Assert.Equal(1L, await ScalarAsync(database, """SELECT count(*) FROM "Inbox" WHERE "EventKey" = @p""", callId + ":call_ended"));

            redis = RedisServer.StartOwn(redisPort);
            await Eventually.Async("readiness healthy again", () => ReadinessAsync(http), r => r is (HttpStatusCode.OK, "Healthy"), TimeSpan.FromSeconds(45));
            var again = await caller.CallAsync("book_appointment", Wish(day, "14 Uhr", "Redis Zurueck"), "call_faults_redis_back_" + Guid.NewGuid().ToString("N"));
            Assert.True(again.GetProperty("status").GetString() == "booked", again.ToString());
            Assert.Equal(0L, await ScalarAsync(database, HalfWrittenBookings, null));
        }
        finally
        {
            redis.Dispose();
        }
    }

    [RedisPostgresFact]
    public async Task After_a_Redis_outage_node_B_serves_nothing_cached_before_it_and_hears_node_As_next_change_within_a_second()
    {
        var redisPort = TestServices.FreePort();
        var redisData = TestServices.NewTempDirectory("askpro-redis");
        // With persistence: Redis comes back with what it held (B's cached busy times, holds).
        var redis = RedisServer.StartOwn(redisPort, redisData);
        try
        {
            var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
            var settings = Settings(database, $"127.0.0.1:{redisPort},abortConnect=false,connectTimeout=1000");
            settings["Scheduler:Store"] = "Postgres";
            settings["Retell:FunctionBudgetSeconds"] = "8"; // the default: a fresh node's first calls are slow on a loaded machine
            using var a = await AppProcess.StartAsync(settings); // migrates and seeds first
            using var b = await AppProcess.StartAsync(settings);
            using var httpA = Http(a);
            using var httpB = Http(b);
            var onA = new RetellClient(httpA, RetellKey, () => DateTimeOffset.UtcNow);
            var onB = new RetellClient(httpB, RetellKey, () => DateTimeOffset.UtcNow);
            async Task BothAsync(string what, string redisState) =>
                await Task.WhenAll(new[] { httpA, httpB }.Select(http => Eventually.Async(what, () => ReadinessAsync(http), r => r.Redis == redisState, TimeSpan.FromSeconds(45))));
            async Task<string> OnBAsync(DateTime day, string time)
            {
                var reply = await onB.CallAsync("check_availability", Wish(day, time, "Knoten Anrufer", "Anna"), "call_faults_nodes_" + Guid.NewGuid().ToString("N"));
                var status = reply.GetProperty("status").GetString();
                Assert.True(status != "error", "checked on B: " + reply);
                return status!;
            }
            async Task BookOnAAsync(DateTime day, string time, string name)
            {
                var reply = await onA.CallAsync("book_appointment", Wish(day, time, name, "Anna"), "call_faults_nodes_" + Guid.NewGuid().ToString("N"));
                Assert.True(reply.GetProperty("status").GetString() == "booked", "booked on A: " + reply);
            }
            await BothAsync("both nodes reach Redis", "Healthy");

            var day = NextWorkday(DateTime.Today.AddDays(24));
            Assert.Equal("available", await OnBAsync(day, "9 Uhr")); // B's check caches busy times in Redis
            await redis.StopAsync(TimeSpan.FromSeconds(10));
            await RedisServer.WaitUntilDownAsync(redisPort);
            await BothAsync("both nodes see Redis gone", "Degraded");
            // A books while Redis is away: its invalidation of the cached day is lost.
            await BookOnAAsync(day, "10 Uhr", "Ausfall Kundin");

            redis = RedisServer.StartOwn(redisPort, redisData);
            await BothAsync("both nodes reach Redis again", "Healthy");
            await Eventually.Async("B no longer offers the time A booked during the outage", () => OnBAsync(day, "10 Uhr"), s => s != "available", TimeSpan.FromSeconds(1));

            // After the outage the news flows again: A's next change reaches B within a second.
            Assert.Equal("available", await OnBAsync(day, "14 Uhr")); // cached again
            await BookOnAAsync(day, "15 Uhr", "Nachher Kunde");
            await Eventually.Async("B no longer offers the time A just booked", () => OnBAsync(day, "15 Uhr"), s => s != "available", TimeSpan.FromSeconds(1));
        }
        finally
        {
            redis.Dispose();
            Directory.Delete(redisData, recursive: true);
        }
    }

    [RedisPostgresFact]
    public async Task PostgreSQL_killed_mid_traffic_answers_the_fallback_and_503_then_recovers_with_nothing_half_written()
    {
        var postgres = await PostgresServer.StartOwnAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync();
            using var app = await AppProcess.StartAsync(Settings(database, redis: null));
            using var http = Http(app);
            var caller = new RetellClient(http, RetellKey, () => DateTimeOffset.UtcNow);
            var day = NextWorkday(DateTime.Today.AddDays(19));

            // Callers book on while the server dies: every answer is a 200 with a German sentence.
            using var stop = new CancellationTokenSource();
            var replies = new System.Collections.Concurrent.ConcurrentBag<JsonElement>();
            var traffic = Enumerable.Range(0, 3).Select(n => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var hour = 9 + (n * 3 + i) % 9;
                    var minute = i / 9 % 4 * 15;
                    replies.Add(await caller.CallAsync("book_appointment", Wish(day.AddDays(i / 36 * 7), $"{hour}:{minute:D2} Uhr", $"Anrufer {(char)('A' + n)}{(char)('a' + i % 26)}"),
                        $"call_faults_pg_{n}_{i}_{Guid.NewGuid():N}", fromNumber: $"+4916012{n}{i:D5}"));
                }
            })).ToList();
            await Eventually.Async("some bookings before the outage", () => Task.FromResult(replies.Count), c => c >= 3, TimeSpan.FromSeconds(30));

            await postgres.KillAsync();
            var duringOutage = await caller.CallAsync("book_appointment", Wish(day, "17 Uhr", "Ausfall Anrufer"), "call_faults_pg_down_" + Guid.NewGuid().ToString("N"));
            Assert.Equal("error", duringOutage.GetProperty("status").GetString());
            Assert.Equal(FunctionCallHandler.UnavailableSentence, duringOutage.GetProperty("message").GetString());
            var webhook = await SendWebhookAsync(http, "call_ended", "call_faults_pg_webhook");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
            Assert.NotNull(webhook.Headers.RetryAfter);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("health/ready")).StatusCode);

            await postgres.RestartAsync();
            await Eventually.Async("ready after PostgreSQL is back", async () => (await http.GetAsync("health/ready")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(45));
            stop.Cancel();
            await Task.WhenAll(traffic);

            // Providers retry the 503: the redelivery is stored now, once.
            Assert.Equal(HttpStatusCode.NoContent, (await SendWebhookAsync(http, "call_ended", "call_faults_pg_webhook")).StatusCode);
            Assert.Equal(1L, await ScalarAsync(database, """SELECT count(*) FROM "Inbox" WHERE "EventKey" = @p""", "call_faults_pg_webhook:call_ended"));
            var after = await caller.CallAsync("book_appointment", Wish(day.AddDays(1), "11 Uhr", "Nach Neustart"), "call_faults_pg_after_" + Guid.NewGuid().ToString("N"));
            Assert.True(after.GetProperty("status").GetString() == "booked", after.ToString());

            var statuses = replies.Select(r => r.GetProperty("status").GetString()).ToList();
            Assert.Contains("booked", statuses);
            Assert.All(replies.Where(r => r.GetProperty("status").GetString() == "error"),
                r => Assert.Equal(FunctionCallHandler.UnavailableSentence, r.GetProperty("message").GetString()));
            // Every "booked" the agent heard is in the database; nothing is there half, the outbox included.
            var stored = await ScalarAsync(database, BookedByCalls, "call_faults_pg_%");
            Assert.True(stored >= statuses.Count(s => s == "booked"), $"{stored} appointments stored, {statuses.Count(s => s == "booked")} bookings heard");
            Assert.Equal(0L, await ScalarAsync(database, HalfWrittenBookings, null));
            Assert.Equal(stored, await ScalarAsync(database, BookedWithTheirEvent, "call_faults_pg_%"));
            Assert.Equal(0L, await ScalarAsync(database, BookedEventsWithoutAppointment, null));
        }
        finally
        {
            await postgres.StopAsync();
        }
    }

    [RedisPostgresFact]
    public async Task A_booking_right_after_a_PostgreSQL_restart_books_on_the_first_try_and_the_server_leaves_no_process_behind()
    {
        var postgres = await PostgresServer.StartOwnAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync();
            using var app = await AppProcess.StartAsync(Settings(database, redis: null));
            using var http = Http(app);
            var caller = new RetellClient(http, RetellKey, () => DateTimeOffset.UtcNow);
            var day = NextWorkday(DateTime.Today.AddDays(23));
            // Callers at the same moment leave several idle connections in the app's pool.
            var checks = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                caller.CallAsync("check_availability", Wish(day, $"{9 + i}:00 Uhr", $"Vorher Anrufer {(char)('a' + i)}"), $"call_faults_warm_{i}_{Guid.NewGuid():N}")));
            Assert.All(checks, c => Assert.Equal("available", c.GetProperty("status").GetString()));

            // Killed and back with nobody calling meanwhile: every pooled connection is dead now.
            await postgres.KillAsync();
            await postgres.RestartAsync();
            var first = await caller.CallAsync("book_appointment", Wish(day, "10 Uhr", "Erster Anrufer"), "call_faults_first_" + Guid.NewGuid().ToString("N"));
            Assert.True(first.GetProperty("status").GetString() == "booked", "the first booking after the restart: " + first);
            Assert.Equal(0L, await ScalarAsync(database, HalfWrittenBookings, null));
            Assert.Equal(1L, await ScalarAsync(database, BookedWithTheirEvent, "call_faults_first_%"));

            // Ended (and killed and restarted before): none of the postmaster's children outlives it.
            await postgres.StopAsync();
            Assert.Empty(postgres.Processes());
        }
        finally
        {
            if (!postgres.HasExited) await postgres.StopAsync();
        }
    }

    [RedisPostgresFact]
    public async Task A_table_locked_by_another_connection_gets_the_fallback_within_the_budget_and_nothing_half_written()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        using var app = await AppProcess.StartAsync(Settings(database, redis: null));
        using var http = Http(app);
        var caller = new RetellClient(http, RetellKey, () => DateTimeOffset.UtcNow);
        var day = NextWorkday(DateTime.Today.AddDays(20));
        var wish = Wish(day, "10 Uhr", "Gesperrt Anrufer");
        var callId = "call_faults_lock_" + Guid.NewGuid().ToString("N");
        Assert.Equal("available", (await caller.CallAsync("check_availability", wish, callId)).GetProperty("status").GetString());

        await using (var locker = new NpgsqlConnection(database))
        {
            await locker.OpenAsync();
            await using var transaction = await locker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("""LOCK TABLE "SlotClaims" IN ACCESS EXCLUSIVE MODE""", locker, transaction)) await lockTable.ExecuteNonQueryAsync();

            var clock = Stopwatch.StartNew();
            var reply = await caller.CallAsync("book_appointment", wish, callId);
            var took = clock.Elapsed;
            Assert.Equal("error", reply.GetProperty("status").GetString());
            Assert.Equal(FunctionCallHandler.UnavailableSentence, reply.GetProperty("message").GetString());
            Assert.True(took >= TimeSpan.FromSeconds(BudgetSeconds - 0.5) && took < TimeSpan.FromSeconds(BudgetSeconds + 4), $"answered after {took.TotalSeconds:0.0} s, budget {BudgetSeconds} s");
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await ScalarAsync(database, BookedByCalls, callId));
        Assert.Equal(0L, await ScalarAsync(database, HalfWrittenBookings, null));
        var retried = await caller.CallAsync("book_appointment", wish, callId);
        Assert.True(retried.GetProperty("status").GetString() == "booked", retried.ToString());
    }

    /// <summary>Appointments booked by the calls whose Retell id is like the parameter.</summary>
    private const string BookedByCalls = """
        SELECT count(*) FROM "Appointments" a JOIN "Calls" c ON c."Id" = a."CallId" WHERE c."RetellCallId" LIKE @p
        """;

    /// <summary>Appointments booked by the calls whose Retell id is like the parameter that have
    /// their AppointmentBooked outbox row (written in the booking's transaction).</summary>
    private const string BookedWithTheirEvent = """
        SELECT count(*) FROM "Appointments" a JOIN "Calls" c ON c."Id" = a."CallId" WHERE c."RetellCallId" LIKE @p
          AND EXISTS (SELECT 1 FROM "Outbox" o WHERE o."EventType" = 'AppointmentBooked' AND (o."Payload"::jsonb ->> 'appointmentId')::uuid = a."Id")
        """;

    /// <summary>AppointmentBooked outbox rows whose appointment does not exist.</summary>
    private const string BookedEventsWithoutAppointment = """
        SELECT count(*) FROM "Outbox" o WHERE o."EventType" = 'AppointmentBooked'
          AND NOT EXISTS (SELECT 1 FROM "Appointments" a WHERE a."Id" = (o."Payload"::jsonb ->> 'appointmentId')::uuid)
        """;

    /// <summary>An active appointment (scheduled, confirmed, pending) without its slot claims or a claim without its appointment.</summary>
    private const string HalfWrittenBookings = """
        SELECT (SELECT count(*) FROM "Appointments" a WHERE a."Status" IN ('Scheduled', 'Confirmed', 'Pending') AND NOT EXISTS (SELECT 1 FROM "SlotClaims" s WHERE s."AppointmentId" = a."Id"))
             + (SELECT count(*) FROM "SlotClaims" s WHERE NOT EXISTS (SELECT 1 FROM "Appointments" a WHERE a."Id" = s."AppointmentId"))
        """;

    private static Dictionary<string, string> Settings(string database, string? redis)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database,
            ["Demo:Seed"] = "true",
            ["Retell:FunctionBudgetSeconds"] = BudgetSeconds.ToString(),
        };
        if (redis is not null) settings["Redis:Configuration"] = redis;
        return settings;
    }

    private static HttpClient Http(AppProcess app) => new() { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

    private static object Wish(DateTime day, string time, string name, string staff = "egal") =>
        new { datum = day.ToString("dd.MM.yyyy"), uhrzeit = time, dienstleistung = "Herrenhaarschnitt", mitarbeiter = staff, name };

    private static async Task<(HttpStatusCode Status, string? Redis)> ReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync("health/ready");
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        return (response.StatusCode, checks.TryGetProperty("redis", out var redis) ? redis.GetString() : null);
    }

    private static Task<HttpResponseMessage> SendWebhookAsync(HttpClient http, string eventType, string callId)
    {
        var body = JsonSerializer.Serialize(new { @event = eventType, call = new { call_id = callId, to_number = RetellClient.SalonNumber } });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, FakeRetell.Sign(body, RetellKey, DateTimeOffset.UtcNow));
        return http.SendAsync(request);
    }

    private static async Task<long> ScalarAsync(string database, string sql, string? parameter)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null) command.Parameters.AddWithValue("p", parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Tuesday to Friday outside the demo's Christmas closure and the New Year holidays.</summary>
    private static DateTime NextWorkday(DateTime from)
    {
        while (from.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Monday
               || (from.Month == 12 && from.Day >= 20) || (from.Month == 1 && from.Day <= 10)) from = from.AddDays(1);
        return from.Date;
    }
}
