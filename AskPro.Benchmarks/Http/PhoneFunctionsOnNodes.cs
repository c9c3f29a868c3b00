using System.Collections.Concurrent;
using System.Net;
using AskPro.Benchmarks.Soak;
using Npgsql;

namespace AskPro.Benchmarks.Http;

/// <summary><c>functions --nodes 1|2 [--provider postgres] [--quick]</c>: the phone functions
/// against the production shape, the app processes of <see cref="SoakNodes"/> (two on one
/// PostgreSQL and one Redis), request <c>i</c> on node <c>i mod nodes</c> as a load balancer
/// without stickiness would spread them: latency at concurrency 1/10/50, the 100-callers-one-slot
/// race over both nodes and random bookings with the overlap audit on the shared database. With
/// <c>--nodes 1 --provider postgres</c> the same phases give the one-node baseline on the same
/// database engine. See docs/PERFORMANCE.md.</summary>
public static class PhoneFunctionsOnNodes
{
    public static async Task<int> RunAsync(int nodeCount, string provider, bool quick)
    {
        Console.WriteLine($"functions on {nodeCount} node(s), {provider}; machine: {Environment.ProcessorCount} cores, load {LoadAverage()}");
        using var nodes = await SoakNodes.StartAsync(nodeCount, provider);
        var clients = nodes.Apps.Select(a => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = a.Address, Timeout = TimeSpan.FromSeconds(60) }).ToArray();
        try
        {
            HttpClient Node(int i) => clients[i % clients.Length];
            var random = Random.Shared;
            var scale = quick ? 5 : 1;

            // Warm-up on every node (JIT, pools, caches), then the JIT's recompilation settles.
            await LoadRun.RunAsync("warm-up", 4, 600, i => CheckAsync(Node(i), PhoneFunctionsLoad.RandomWish(random, 15, 40), $"warm_{i}"));
            await LoadRun.RunAsync("warm-up", 4, 200, i => BookAsync(Node(i), PhoneFunctionsLoad.RandomWish(random, 71, 80), $"warm_bk_{i}", 90_000 + i));
            foreach (var app in nodes.Apps) await app.SettleAsync();

            var reports = new List<LoadRun.Report>();
            async Task Measure(string name, int concurrency, int requests, Func<int, Task<bool>> send)
            {
                var before = nodes.CpuTime;
                var report = await LoadRun.RunAsync(name, concurrency, requests, send);
                reports.Add(report with { AppCpuMsPerRequest = (nodes.CpuTime - before).TotalMilliseconds / requests });
            }
            foreach (var (concurrency, count) in new[] { (1, 300), (10, 1000), (50, 1000) })
            {
                await Measure("GET /health/live", concurrency, count / scale, i => HealthAsync(Node(i)));
                await Measure("check_availability (new call)", concurrency, count / scale, i => CheckAsync(Node(i), PhoneFunctionsLoad.RandomWish(random, 15, 40), $"chk_{concurrency}_{i}"));
                await Measure("book_appointment", concurrency, count / scale, i => BookAsync(Node(i), PhoneFunctionsLoad.RandomWish(random, 41, 70), $"bk_{concurrency}_{i}", concurrency * 10_000 + i));
            }
            Console.WriteLine($"\nRequest i on node i mod {nodeCount}; app CPU is all nodes' together. Load now {LoadAverage()}.");
            Console.WriteLine("| request | concurrency | requests | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/request |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var report in reports) Console.WriteLine(report);

            // 100 callers, one stylist, one start, half of them on each node: a Saturday 81–87
            // days ahead (the salon opens 9–14). No phase before the race books or holds a
            // Saturday: the random wishes move weekend days to the Monday after. A weekday there
            // came back "0 booked, 100 slot_taken": the warm-up's bookings (days 71–80, a weekend
            // moved to day 82) had taken Anna's 10 o'clock first, so the race proved nothing.
            var day = DateTime.Today.AddDays(81);
            while (day.DayOfWeek != DayOfWeek.Saturday) day = day.AddDays(1);
            var slot = new PhoneFunctionsLoad.WishArgs(day.ToString("dd.MM.yyyy"), "10 Uhr", "Herrenhaarschnitt", "Anna");
            var outcomes = new ConcurrentBag<string>();
            var race = await LoadRun.RunAsync("100 callers, one slot", 100, 100, async i =>
            {
                var status = await PhoneFunctionsLoad.StatusAsync(Node(i), "book_appointment", slot with { Name = $"Rennen {PhoneFunctionsLoad.Letters(i)}" }, $"race_{i}", $"+4916033{i:D5}");
                outcomes.Add(status);
                return status is "booked" or "slot_taken";
            });
            Console.WriteLine($"\n100 callers for one slot over {nodeCount} node(s): {outcomes.Count(s => s == "booked")} booked, {outcomes.Count(s => s == "slot_taken")} slot_taken, " +
                              $"{outcomes.Count(s => s is not ("booked" or "slot_taken"))} other; wall {race.Seconds * 1000:0} ms, p99 {race.P99:0} ms");

            var bookings = quick ? 1000 : 5000;
            var statuses = new ConcurrentDictionary<string, int>();
            var many = await LoadRun.RunAsync("random bookings", 10, bookings, async i =>
            {
                var status = await PhoneFunctionsLoad.StatusAsync(Node(i), "book_appointment", PhoneFunctionsLoad.RandomWish(random, 45, 89) with { Name = $"Kunde {PhoneFunctionsLoad.Letters(i)}" }, $"many_{i}", $"+4917{i:D8}");
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                return status is "booked" or "slot_taken" or "outside_hours";
            });
            Console.WriteLine($"{bookings} random bookings at concurrency 10 over {nodeCount} node(s): {string.Join(", ", statuses.Select(kv => $"{kv.Value} {kv.Key}"))}; " +
                              $"{many.Errors} errors, {many.PerSecond:0} req/s, p95 {many.P95:0.0} ms");
            if (nodes.PostgresConnectionString is { } database)
                Console.WriteLine($"Overlap audit: {await OverlappingPairsAsync(database)} overlapping pairs of active appointments (must be 0)");
            return 0;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static async Task<bool> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("health/live");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<bool> CheckAsync(HttpClient http, PhoneFunctionsLoad.WishArgs wish, string callId) =>
        await PhoneFunctionsLoad.StatusAsync(http, "check_availability", wish, callId, "+4917100000001") is "available" or "unavailable" or "outside_hours" or "too_soon";

    private static async Task<bool> BookAsync(HttpClient http, PhoneFunctionsLoad.WishArgs wish, string callId, int i) =>
        await PhoneFunctionsLoad.StatusAsync(http, "book_appointment", wish with { Name = $"Kunde {PhoneFunctionsLoad.Letters(i)}" }, callId, $"+4916{i:D9}") is "booked" or "slot_taken" or "outside_hours";

    private static async Task<long> OverlappingPairsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM "Appointments" a JOIN "Appointments" b
              ON a."StaffId" = b."StaffId" AND a."Id" < b."Id"
             AND a."StartUtc" < b."EndUtc" AND b."StartUtc" < a."EndUtc"
             WHERE a."Status" NOT IN ('Cancelled', 'NoShow') AND b."Status" NOT IN ('Cancelled', 'NoShow')
            """;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
