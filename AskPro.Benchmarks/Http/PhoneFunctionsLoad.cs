using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AskPro.Benchmarks.Http;

/// <summary>check_availability and book_appointment over loopback HTTP with signed requests
/// against the demo data: latency at concurrency 1/10/50, the 100-callers-one-slot run, and
/// 10,000 random bookings with an overlap audit. See docs/PERFORMANCE.md.</summary>
public static class PhoneFunctionsLoad
{
    private const string RetellKey = "askpro-demo-retell-key";
    private const string Salon = "+493055501000";
    private static readonly string[] Services = ["Herrenhaarschnitt", "Beratung", "Damenhaarschnitt"];
    private static readonly string?[] Staff = ["Anna", "Mehmet", "Julia", null];

    public static async Task<int> RunAsync(bool quick)
    {
        using var app = await AppProcess.StartAsync();
        await app.SettleAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        var random = Random.Shared; // thread-safe: the workers draw concurrently
        var reports = new List<LoadRun.Report>();
        var scale = quick ? 5 : 1;

        // Warm-up (JIT, connection pool, caches).
        await WarmUpAsync(app, http, random);
        Console.WriteLine($"Idle app: {await IdleCpuPercentAsync(app):0.0} % of one core over 10 s");

        // Each function runs right after the trivial endpoint at the same concurrency, so the
        // two rows share the machine's state (other engineers' builds included).
        foreach (var (concurrency, count) in new[] { (1, 300), (10, 1000), (50, 1000) })
        {
            reports.Add(await LoadRun.RunAsync(app, "GET /health/live", concurrency, count / scale, _ => HealthAsync(http)));
            reports.Add(await LoadRun.RunAsync(app, "check_availability (new call)", concurrency, count / scale, i => CheckAsync(http, RandomWish(random, 15, 40), $"chk_{concurrency}_{i}")));
            reports.Add(await LoadRun.RunAsync(app, "check_availability (known call)", concurrency, count / scale, i => CheckAsync(http, RandomWish(random, 15, 40), $"known_{i % concurrency}")));
            reports.Add(await LoadRun.RunAsync(app, "book_appointment", concurrency, count / scale, i => BookAsync(http, RandomWish(random, 41, 70), $"bk_{concurrency}_{i}", i)));
        }

        Console.WriteLine("| request | concurrency | requests | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/request |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var report in reports) Console.WriteLine(report);

        await RealisticCallsAsync(app, http, random, calls: 400 / scale, concurrency: 20);

        // 100 callers, one stylist, one start: a Saturday (the salon opens 9–14) that nothing
        // before has taken. Not within 14 days (the demo's appointments: one there made the race
        // "0 booked, 100 taken"), and not within two weeks after the checks' days 15–40: their
        // alternatives reach that far, Saturdays included, and are held for the callers who heard them.
        var saturday = DateTime.Today.AddDays(60);
        while (saturday.DayOfWeek != DayOfWeek.Saturday) saturday = saturday.AddDays(1);
        var slot = Wish(saturday, "10 Uhr", "Herrenhaarschnitt", "Anna");
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
        var race = await LoadRun.RunAsync("100 callers, one slot", 100, 100, async i =>
        {
            var status = await StatusAsync(http, "book_appointment", slot with { Name = $"Rennen {Letters(i)}" }, $"race_{i}", $"+4916033{i:D5}");
            outcomes.Add(status);
            return status is "booked" or "slot_taken";
        });
        Console.WriteLine($"\n100 callers for one slot: {outcomes.Count(s => s == "booked")} booked, {outcomes.Count(s => s == "slot_taken")} slot_taken, " +
                          $"{outcomes.Count(s => s is not ("booked" or "slot_taken"))} other; wall {race.Seconds * 1000:0} ms, p99 {race.P99:0} ms");

        // Many random bookings, then the audit: no two active appointments of one staff member overlap.
        var bookings = quick ? 1000 : 10_000;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var many = await LoadRun.RunAsync("random bookings", 10, bookings, async i =>
        {
            var status = await StatusAsync(http, "book_appointment", RandomWish(random, 45, 89) with { Name = $"Kunde {Letters(i)}" }, $"many_{i}", $"+4917{i:D8}");
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            return status is "booked" or "slot_taken" or "outside_hours";
        });
        Console.WriteLine($"{bookings} random bookings at concurrency 10: {string.Join(", ", statuses.Select(kv => $"{kv.Value} {kv.Key}"))}; " +
                          $"{many.Errors} errors, {many.PerSecond:0} req/s, p95 {many.P95:0.0} ms");
        Console.WriteLine($"Overlap audit: {OverlappingPairs(app.DatabasePath)} overlapping pairs of active appointments (must be 0)");
        return 0;
    }

    /// <summary>The same call as a caller makes it: initialize_call, two checks, one booking,
    /// one call id and one caller number throughout.</summary>
    private static async Task RealisticCallsAsync(AppProcess app, HttpClient http, Random random, int calls, int concurrency)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentBag<double>>();
        async Task<string> Timed(string function, Func<Task<string>> send)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var status = await send();
            latencies.GetOrAdd(function, _ => []).Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return status;
        }
        var run = await LoadRun.RunAsync(app, "realistic call", concurrency, calls, async i =>
        {
            var (callId, from) = ($"real_{i}", $"+4915{i:D9}");
            var init = await Timed("initialize_call", () => StatusAsync(http, "initialize_call", null, callId, from));
            var first = await Timed("check_availability", () => StatusAsync(http, "check_availability", RandomWish(random, 15, 40), callId, from));
            var wish = RandomWish(random, 15, 40);
            var second = await Timed("check_availability", () => StatusAsync(http, "check_availability", wish, callId, from));
            var book = await Timed("book_appointment", () => StatusAsync(http, "book_appointment", wish with { Name = $"Anrufer {Letters(i)}" }, callId, from));
            return init == "ok" && first is not "error" && second is not "error" && book is "booked" or "slot_taken" or "outside_hours";
        });
        Console.WriteLine($"\nRealistic call (initialize_call, 2× check_availability, book_appointment) at {concurrency} concurrent calls: " +
                          $"{calls} calls, {run.PerSecond:0.0} calls/s, call p50 {run.P50:0} ms / p95 {run.P95:0} ms, {run.Errors} errors, " +
                          $"app CPU {run.AppCpuMsPerRequest:0.0} ms per call ({run.AppCpuMsPerRequest / 4:0.00} ms per function)");
        foreach (var (function, values) in latencies.OrderBy(kv => kv.Key))
        {
            var sorted = values.Order().ToArray();
            Console.WriteLine($"  {function}: p50 {sorted[sorted.Length / 2]:0.0} ms, p95 {sorted[(int)Math.Ceiling(sorted.Length * 0.95) - 1]:0.0} ms ({sorted.Length} requests)");
        }
    }

    /// <summary>Profiling aid: the app's pid, then check_availability at concurrency 1 (new
    /// calls, then one known call) and book_appointment (new callers) for long enough to attach
    /// perf, dotnet-trace or dotnet-counters to each phase.</summary>
    public static async Task<int> ProfileAsync()
    {
        using var app = await AppProcess.StartAsync();
        await app.SettleAsync();
        using var http = new HttpClient { BaseAddress = app.Address };
        var random = Random.Shared;
        await WarmUpAsync(app, http, random);
        Console.WriteLine($"PID {app.ProcessId}");
        Console.WriteLine($"Idle app: {await IdleCpuPercentAsync(app):0.0} % of one core over 10 s");
        // A line when each phase starts, so a profiler can be attached to one phase by a script.
        async Task Phase(string name, int requests, Func<int, Task<bool>> send)
        {
            Console.WriteLine($"Phase starts: {name}");
            Console.WriteLine(await LoadRun.RunAsync(app, name, 1, requests, send));
        }
        await Phase("check_availability (new call)", 1500, i => CheckAsync(http, RandomWish(random, 15, 40), $"prof_{i}"));
        await Phase("check_availability (known call)", 1500, _ => CheckAsync(http, RandomWish(random, 15, 40), "prof_known"));
        await Phase("book_appointment", 600, i => BookAsync(http, RandomWish(random, 41, 88), $"prof_bk_{i}", 50_000 + i));
        await Phase("GET /health/live", 3000, _ => HealthAsync(http));
        return 0;
    }

    /// <summary>Every measured path once hot (checks of new and known calls, bookings, the
    /// trivial endpoint), then a wait until the JIT's recompilation of them is over: the phases
    /// measure the steady state, not the first minute of a process.</summary>
    private static async Task WarmUpAsync(AppProcess app, HttpClient http, Random random)
    {
        for (var round = 0; round < 3; round++)
        {
            await LoadRun.RunAsync("warm-up", 4, 150, i => CheckAsync(http, RandomWish(random, 15, 40), $"warm_{round}_{i}"));
            await LoadRun.RunAsync("warm-up", 4, 150, i => CheckAsync(http, RandomWish(random, 15, 40), $"warm_known_{i % 4}"));
            await LoadRun.RunAsync("warm-up", 4, 60, i => BookAsync(http, RandomWish(random, 71, 88), $"warm_bk_{round}_{i}", 90_000 + round * 100 + i));
            await LoadRun.RunAsync("warm-up", 4, 200, _ => HealthAsync(http));
        }
        await app.SettleAsync();
    }

    private static async Task<double> IdleCpuPercentAsync(AppProcess app)
    {
        var before = app.CpuTime;
        await Task.Delay(TimeSpan.FromSeconds(10));
        return (app.CpuTime - before).TotalMilliseconds / 10_000 * 100;
    }

    private static async Task<bool> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("health/live");
        return response.StatusCode == HttpStatusCode.OK;
    }

    internal sealed record WishArgs(string Datum, string Uhrzeit, string Dienstleistung, string? Mitarbeiter, string? Name = null);

    private static WishArgs Wish(DateTime day, string time, string service, string? staff) => new(day.ToString("dd.MM.yyyy"), time, service, staff);

    /// <summary>A weekday start 09:00–17:15. It may still be refused by the rules (a long service
    /// ending after closing, a public holiday): book_appointment then answers outside_hours, as
    /// check_availability does, which counts as answered.</summary>
    internal static WishArgs RandomWish(Random random, int fromDays, int toDays)
    {
        var day = NextWorkday(DateTime.Today.AddDays(random.Next(fromDays, toDays)));
        if ((day - DateTime.Today).TotalDays >= 89) day = NextWorkday(DateTime.Today.AddDays(fromDays)); // stay inside the 90-day horizon
        var minutes = 9 * 60 + 15 * random.Next(0, 34);
        return Wish(day, $"{minutes / 60}:{minutes % 60:00}", Services[random.Next(Services.Length)], Staff[random.Next(Staff.Length)]);
    }

    private static DateTime NextWorkday(DateTime day)
    {
        while (day.DayOfWeek is DayOfWeek.Sunday or DayOfWeek.Saturday || (day.Month == 12 && day.Day is >= 24 and <= 26)) day = day.AddDays(1);
        return day;
    }

    private static async Task<bool> CheckAsync(HttpClient http, WishArgs wish, string callId) =>
        await StatusAsync(http, "check_availability", wish, callId, "+4917100000001") is "available" or "unavailable" or "outside_hours" or "too_soon";

    private static async Task<bool> BookAsync(HttpClient http, WishArgs wish, string callId, int i) =>
        await StatusAsync(http, "book_appointment", wish with { Name = $"Kunde {Letters(i)}" }, callId, $"+4916{i:D9}") is "booked" or "slot_taken" or "outside_hours";

    internal static async Task<string> StatusAsync(HttpClient http, string function, WishArgs? wish, string callId, string from)
    {
        var args = new JsonObject();
        if (wish is not null)
        {
            args["datum"] = wish.Datum;
            args["uhrzeit"] = wish.Uhrzeit;
            args["dienstleistung"] = wish.Dienstleistung;
            if (wish.Mitarbeiter is not null) args["mitarbeiter"] = wish.Mitarbeiter;
            if (wish.Name is not null) args["name"] = wish.Name;
        }
        var body = new JsonObject
        {
            ["name"] = function,
            ["call"] = new JsonObject { ["call_id"] = callId, ["to_number"] = Salon, ["from_number"] = from },
            ["args"] = args,
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/retell/functions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(Encoding.UTF8.GetBytes(body), RetellKey, DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) return $"http {(int)response.StatusCode}";
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("status").GetString()!;
    }

    internal static string Letters(int i) => string.Concat(i.ToString("D5").Select(d => (char)('a' + d - '0'))).Insert(0, "K");

    private static long OverlappingPairs(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM Appointments a JOIN Appointments b
              ON a.StaffId = b.StaffId AND a.Id < b.Id
             AND a.StartUtc < b.EndUtc AND b.StartUtc < a.EndUtc
             WHERE a.Status NOT IN ('Cancelled', 'NoShow') AND b.Status NOT IN ('Cancelled', 'NoShow')
            """;
        return (long)command.ExecuteScalar()!;
    }
}
