using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AskPro.Core.Events;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AskPro.Tests.Nodes;

/// <summary>The production shape with real processes: two app processes (<see cref="AppProcess"/>)
/// on one PostgreSQL database, one redis-server and the clustered Quartz store.</summary>
public sealed class TwoProcessNodes : IAsyncLifetime
{
    private ExternalProcess? _redis;

    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    public string Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (TestServices.PostgresBin is null || TestServices.RedisServer is null) return; // the facts skip
        Database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
        var port = TestServices.FreePort();
        _redis = RedisServer.StartOwn(port);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = Database,
            ["Redis:Configuration"] = $"127.0.0.1:{port},abortConnect=false",
            ["Scheduler:Store"] = "Postgres",
            ["Demo:Seed"] = "true",
            ["RateLimits:WebhooksPerIpPerMinute"] = "100000000",
            ["RateLimits:WebhooksPerTenantPerMinute"] = "100000000",
            // Quartz's own line per execution ("Calling Execute on job …"), timestamped: which node ran which firing.
            ["Logging:LogLevel:Quartz.Core.JobRunShell"] = "Debug",
        };
        A = await AppProcess.StartAsync(settings); // migrates and seeds first
        B = await AppProcess.StartAsync(settings);
    }

    public Task DisposeAsync()
    {
        B?.Dispose();
        A?.Dispose();
        _redis?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class TwoProcessNodesTests(TwoProcessNodes nodes) : IClassFixture<TwoProcessNodes>
{
    private static RetellClient Caller(AppProcess node) =>
        new(new HttpClient { BaseAddress = node.Address }, "askpro-demo-retell-key", () => DateTimeOffset.UtcNow);

    [RedisPostgresFact]
    public async Task One_slot_raced_by_callers_on_both_nodes_is_booked_exactly_once()
    {
        const int perNode = 15;
        var day = NextWorkday(DateTime.Today.AddDays(16));
        var date = $"{day.Day}.{day.Month}.";
        using var gate = new SemaphoreSlim(0);
        var attempts = new[] { nodes.A, nodes.B }.SelectMany((node, n) => Enumerable.Range(0, perNode).Select(async i =>
        {
            var caller = Caller(node);
            await gate.WaitAsync();
            return await caller.CallAsync("book_appointment",
                new { datum = date, uhrzeit = "10 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = $"Knoten Anrufer {(char)('A' + n)}{(char)('a' + i)}" },
                $"call_nodes_{n}_{i}_{Guid.NewGuid():N}", fromNumber: $"+491601{n}{i:D6}");
        })).ToList();
        gate.Release(attempts.Count);
        var replies = await Task.WhenAll(attempts);
        var statuses = replies.Select(r => r.GetProperty("status").GetString()).ToList();

        Assert.True(statuses.Count(s => s == "booked") == 1, "one booked, the others slot_taken; answers: " + string.Join(" | ", replies.Take(3).Select(r => r.ToString())));
        Assert.Equal(2 * perNode - 1, statuses.Count(s => s == "slot_taken"));
        var start = DateTimeOffset.Parse(replies.Single(r => r.GetProperty("status").GetString() == "booked").GetProperty("data").GetProperty("start").GetString()!).UtcDateTime;
        await using var db = new NpgsqlConnection(nodes.Database);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("""
            SELECT count(*) FROM "Appointments" a JOIN "Staff" s ON s."Id" = a."StaffId"
            WHERE s."Name" = 'Anna Schmidt' AND a."StartUtc" = @start
            """, db);
        count.Parameters.AddWithValue("start", start);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    [RedisPostgresFact]
    public async Task Both_nodes_run_one_clustered_scheduler_under_distinct_instance_ids()
    {
        await using var db = new NpgsqlConnection(nodes.Database);
        await db.OpenAsync();
        var instances = await Eventually.Async("both nodes check in to the Quartz cluster", async () =>
        {
            await using var command = new NpgsqlCommand("SELECT sched_name, instance_name FROM qrtz_scheduler_state", db);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string Scheduler, string Instance)>();
            while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
            return rows;
        }, rows => rows.Count == 2, TimeSpan.FromSeconds(30));
        Assert.Single(instances.Select(i => i.Scheduler).Distinct());
        Assert.Equal(2, instances.Select(i => i.Instance).Distinct().Count());
    }

    [RedisPostgresFact]
    public async Task A_cookie_issued_by_node_A_is_accepted_by_node_B()
    {
        using var session = await PortalSession.SignInAsync(nodes.A.Address, DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        // Cookies are per host, not per port: the same client carries A's cookie to B.
        using var onA = await session.Http.GetAsync(new Uri(nodes.A.Address, "/calendar"));
        using var onB = await session.Http.GetAsync(new Uri(nodes.B.Address, "/calendar"));
        using var anonymousOnB = await PortalSession.Anonymous(nodes.B.Address).Http.GetAsync("/calendar");

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymousOnB.StatusCode); // B really checks the cookie
    }

    [RedisPostgresFact]
    public async Task Each_inbox_delivery_sent_to_either_node_or_to_both_is_applied_exactly_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = Enumerable.Range(0, 60).Select(i => $"twonode_{run}_{i}").ToList();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { Timeout = TimeSpan.FromSeconds(30) };
        // Alternately to A and B; every third one redelivered to the other node at the same moment.
        var sends = ids.SelectMany((id, i) =>
        {
            var first = i % 2 == 0 ? nodes.A : nodes.B;
            var other = first == nodes.A ? nodes.B : nodes.A;
            return i % 3 == 0 ? new[] { (first, id), (other, id) } : [(first, id)];
        }).Select(s => CallEndedAsync(http, s.Item1, s.Item2)).ToList();
        var statuses = await Task.WhenAll(sends);
        Assert.All(statuses, s => Assert.True((int)s is >= 200 and < 300, $"a delivery was answered {s}"));

        var database = TestDatabase.Open(DatabaseProvider.Postgres, nodes.Database);
        var keys = ids.Select(id => $"{id}:call_ended").ToList();
        var rows = await Eventually.Async("every delivery processed", async () =>
        {
            await using var db = database.Platform();
            return await db.Inbox.Where(i => i.Provider == "retell" && keys.Contains(i.EventKey)).Select(i => new { i.EventKey, i.Status }).ToListAsync();
        }, r => r.Count == keys.Count && r.All(i => i.Status == InboxStatus.Processed), TimeSpan.FromSeconds(60));
        Assert.Equal(keys.Order(), rows.Select(r => r.EventKey).Order()); // one inbox row per delivery, duplicates included

        await using (var db = database.Platform())
        {
            var calls = await db.Calls.IgnoreQueryFilters().Where(c => ids.Contains(c.RetellCallId)).Select(c => new { c.Id, c.RetellCallId }).ToListAsync();
            Assert.Equal(ids.Order(), calls.Select(c => c.RetellCallId).Order()); // one call row each
            var callRows = calls.Select(c => c.Id).ToHashSet();
            var completed = (await db.Outbox.Where(m => m.EventType == nameof(CallCompleted)).Select(m => new { m.EventId, m.Payload }).ToListAsync())
                .Select(m => (m.EventId, Call: JsonSerializer.Deserialize<CallCompleted>(m.Payload, AskPro.Infrastructure.Events.EventSubscribers.Json)!.CallRowId))
                .Where(m => callRows.Contains(m.Call)).ToList();
            // The handler ran once per call: one CallCompleted event each, not one per node or per redelivery.
            Assert.Equal(callRows.Count, completed.Select(m => m.Call).Distinct().Count());
            Assert.Empty(completed.GroupBy(m => m.Call).Where(g => g.Select(m => m.EventId).Distinct().Count() != 1).Select(g => g.Key));
        }
    }

    [RedisPostgresFact]
    public async Task Each_outbox_event_of_bookings_on_both_nodes_is_delivered_once_to_each_subscriber()
    {
        var first = NextWorkday(DateTime.Today.AddDays(40));
        var days = new[] { first, NextWorkday(first.AddDays(1)), NextWorkday(NextWorkday(first.AddDays(1)).AddDays(1)) };
        var run = Guid.NewGuid().ToString("N")[..6];
        var bookings = Enumerable.Range(0, 24).Select(async i =>
        {
            var node = i % 2 == 0 ? nodes.A : nodes.B;
            var day = days[i / 8];
            var minutes = 10 * 60 + 30 * (i % 8);
            var reply = await Caller(node).CallAsync("book_appointment",
                new { datum = $"{day.Day}.{day.Month}.{day.Year}", uhrzeit = $"{minutes / 60}:{minutes % 60:00}", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Julia", name = $"Ausgang Kunde {(char)('a' + i % 26)}{(char)('a' + i / 26)}" },
                $"call_outbox_{run}_{i}", fromNumber: $"+491602{i:D6}");
            Assert.True(reply.GetProperty("status").GetString() == "booked", "booked on " + node.Address + ": " + reply);
            return Guid.Parse(reply.GetProperty("data").GetProperty("appointment_id").GetString()!);
        }).ToList();
        var booked = await Task.WhenAll(bookings);

        var database = TestDatabase.Open(DatabaseProvider.Postgres, nodes.Database);
        List<string?> ids = [.. booked.Select(b => b.ToString())];
        var audits = await Eventually.Async("each booking's audit entry written (the AuditTrail subscriber)", async () =>
        {
            await using var db = database.Platform();
            return await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "appointment.book" && ids.Contains(a.EntityId)).Select(a => a.EntityId!).ToListAsync();
        }, found => found.Distinct().Count() == ids.Count, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second delivery on the other node would land now
        await using var check = database.Platform();
        audits = await check.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "appointment.book" && ids.Contains(a.EntityId)).Select(a => a.EntityId!).ToListAsync();
        Assert.Equal(ids.Order(), audits.Order()); // exactly one audit entry per booking

        // The outbox itself: each booking's events, one row per subscriber, every row delivered (Processed) with no failed attempt.
        var rows = (await check.Outbox.Select(m => new { m.EventId, m.Subscriber, m.Status, m.Attempts, m.Payload }).ToListAsync())
            .Where(m => booked.Any(b => m.Payload.Contains(b.ToString()))).ToList();
        Assert.NotEmpty(rows);
        Assert.Empty(rows.GroupBy(m => (m.EventId, m.Subscriber)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(rows, m => Assert.Equal(InboxStatus.Processed, m.Status));
        Assert.Contains(rows, m => m.Subscriber.Contains("AuditTrail"));
    }

    [RedisPostgresFact]
    public async Task Each_firing_of_a_clustered_trigger_is_executed_by_one_node_only()
    {
        // The lease sweeper fires every 10 s; watch at least four firings in the two processes' output.
        var firings = await Eventually.Async("the lease sweeper fired four times", () => Task.FromResult(SweeperRuns()),
            runs => runs.Select(r => r.FireTime).Distinct().Count() >= 4, TimeSpan.FromSeconds(75));
        var twice = firings.GroupBy(r => r.FireTime).Where(g => g.Count() > 1).Select(g => $"{g.Key:HH:mm:ss} on {string.Join(" and ", g.Select(r => r.Node))}").ToList();
        Assert.True(twice.Count == 0, "fired on more than one node: " + string.Join(", ", twice));
        Console.WriteLine($"lease sweeper: {firings.Count} firings, {firings.Count(r => r.Node == "A")} on A, {firings.Count(r => r.Node == "B")} on B");
    }

    [RedisPostgresFact]
    public async Task A_secret_encrypted_on_node_A_decrypts_on_node_B()
    {
        // Node A seeded the demo: its data protection encrypted the salon's Cal.com webhook secret.
        await using (var db = new NpgsqlConnection(nodes.Database))
        {
            await db.OpenAsync();
            await using var read = new NpgsqlCommand("""SELECT "CalComWebhookSecretProtected" FROM "Companies" WHERE "TenantKey" = 'demo-salon'""", db);
            var stored = (string)(await read.ExecuteScalarAsync())!;
            Assert.DoesNotContain(DemoData.Salon.CalComSecret, stored);
        }
        var body = new JsonObject
        {
            ["triggerEvent"] = "BOOKING_CREATED", ["createdAt"] = DateTimeOffset.UtcNow.ToString("o"),
            ["payload"] = new JsonObject
            {
                ["uid"] = "cal_twonode_" + Guid.NewGuid().ToString("N")[..8], ["eventTypeId"] = 1002, ["title"] = "Herrenhaarschnitt",
                ["startTime"] = "2027-06-01T10:00:00+02:00", ["endTime"] = "2027-06-01T10:30:00+02:00", ["status"] = "ACCEPTED",
                ["attendees"] = new JsonArray(new JsonObject { ["name"] = "Karl Knoten", ["email"] = "karl.knoten@example.org", ["timeZone"] = "Europe/Berlin" }),
                ["organizer"] = new JsonObject { ["email"] = "schmidt@demo-salon.demo", ["name"] = "Anna" },
            },
        }.ToJsonString();
        using var http = new HttpClient { BaseAddress = nodes.B.Address };
        // B verifies the signature with the secret it decrypted: only the right secret passes.
        using var right = await FakeCalCom.SendAsync(http, body, DemoData.Salon.CalComSecret);
        using var wrong = await FakeCalCom.SendAsync(http, body, "not-the-salons-secret");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    /// <summary>Quartz's "Calling Execute on job webhooks.lease-sweeper" lines of both processes, each
    /// as its firing (the log time floored to the trigger's 10 s) and the node that ran it.</summary>
    private List<(DateTime FireTime, string Node)> SweeperRuns() =>
    [
        .. new[] { ("A", nodes.A), ("B", nodes.B) }.SelectMany(n => n.Item2.Output.Split('\n')
            .Where(line => line.Contains("Calling Execute on job webhooks.lease-sweeper"))
            .Select(line => JsonDocument.Parse(line[line.IndexOf('{')..]).RootElement.GetProperty("Timestamp").GetString()!.Trim())
            .Select(stamp => DateTime.Parse(stamp, null, System.Globalization.DateTimeStyles.AdjustToUniversal))
            .Select(time => (new DateTime(time.Ticks - time.Ticks % (10 * TimeSpan.TicksPerSecond), DateTimeKind.Utc), n.Item1))),
    ];

    private static async Task<HttpStatusCode> CallEndedAsync(HttpClient http, AppProcess node, string callId)
    {
        var body = Encoding.UTF8.GetBytes($$$"""
            {"event":"call_ended","call":{"call_id":"{{{callId}}}","agent_id":"agent_demo","to_number":"{{{RetellClient.SalonNumber}}}","from_number":"anonymous","call_status":"ended","start_timestamp":1764000000000,"end_timestamp":1764000035000,"duration_ms":35000,"transcript":"Agent: Hallo\nUser: Ich möchte einen Termin."}}
            """);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Address, "api/webhooks/retell")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(body, "askpro-demo-retell-key", DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The real clock runs in the processes: after the demo activity (up to 14 days ahead), a Tuesday to Friday outside the demo's
    /// Christmas closure and the public holidays around New Year.</summary>
    private static DateTime NextWorkday(DateTime from)
    {
        while (from.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Monday
               || (from.Month == 12 && from.Day >= 20) || (from.Month == 1 && from.Day <= 10)) from = from.AddDays(1);
        return from.Date;
    }
}
