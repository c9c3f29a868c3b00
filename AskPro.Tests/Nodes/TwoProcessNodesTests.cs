using System.Net;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
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

    /// <summary>The real clock runs in the processes: after the demo activity (up to 14 days ahead), a Tuesday to Friday outside the demo's
    /// Christmas closure and the public holidays around New Year.</summary>
    private static DateTime NextWorkday(DateTime from)
    {
        while (from.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Monday
               || (from.Month == 12 && from.Day >= 20) || (from.Month == 1 && from.Day <= 10)) from = from.AddDays(1);
        return from.Date;
    }
}
