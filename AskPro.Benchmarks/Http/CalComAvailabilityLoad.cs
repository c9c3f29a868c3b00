using System.Diagnostics;
using System.Net;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;

namespace AskPro.Benchmarks.Http;

/// <summary>check_availability with the demo salon on Cal.com (a fake Cal.com in this process,
/// every answer delayed 50 ms): cold (each answer needs one Cal.com request) vs warm (served
/// from the 60 s slot cache), the cache hit ratio over a 1-minute mixed run (counted at the
/// fake), the time to the German answer while Cal.com fails, and /health/live beside them.
/// See docs/PERFORMANCE.md.</summary>
public static class CalComAvailabilityLoad
{
    private static readonly string[] Services = ["Herrenhaarschnitt", "Beratung", "Damenhaarschnitt"];

    public static async Task<int> RunAsync()
    {
        await using var fake = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon());
        fake.Calendar.Faults.Latency = TimeSpan.FromMilliseconds(50);
        using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Demo__CalComBaseUrl"] = fake.BaseUrl.ToString(), ["CalCom__WarmupOnStart"] = "false",
            // The benchmark sends more than Cal.com's 120/min: the limiter would queue and measure itself.
            ["CalCom__RequestsPerMinute"] = "10000",
        });
        await app.SettleAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        var slots = () => fake.Calendar.Seen.Count(r => r.Path == "/v2/slots");
        var reports = new List<LoadRun.Report>();
        var today = DateTime.Today;
        string Day(int offset) => today.AddDays(offset).ToString("dd.MM.yyyy");
        Task<string> Check(int offset, string service, string call) =>
            PhoneFunctionsLoad.StatusAsync(http, "check_availability", new PhoneFunctionsLoad.WishArgs(Day(offset), "10:00", service, null), call, "+4917100000001");
        static bool Answered(string status) => status is "available" or "unavailable" or "outside_hours" or "too_soon" or "closed";

        await LoadRun.RunAsync("warm-up (JIT, pool)", 1, 20, async i => Answered(await Check(70, Services[i % 3], $"w_{i}")));
        reports.Add(await LoadRun.RunAsync(app, "/health/live", 1, 200, async _ => (await http.GetAsync("health/live")).StatusCode == HttpStatusCode.OK));

        // Cold: each check asks about the next day, whose slots nobody loaded: one Cal.com request each.
        var before = slots();
        reports.Add(await LoadRun.RunAsync(app, "check_availability cold (1 Cal.com request each)", 1, 60, async i => Answered(await Check(1 + i, "Herrenhaarschnitt", $"c_{i}"))));
        var coldFetches = slots() - before;
        // Warm: the same days again within the 60 s the slots stay cached.
        before = slots();
        reports.Add(await LoadRun.RunAsync(app, "check_availability warm (cached slots)", 1, 60, async i => Answered(await Check(1 + i, "Herrenhaarschnitt", $"h_{i}"))));
        var warmFetches = slots() - before;

        // Mixed: one minute of random services and days (next 30 days), 2 in flight.
        before = slots();
        var checks = 0;
        var random = new Random(13);
        var clock = Stopwatch.StartNew();
        await LoadRun.RunAsync(app, "mixed 60 s (3 services, 30 days)", 2, 100_000, async i =>
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) return true;
            Interlocked.Increment(ref checks);
            int offset, service;
            lock (random) (offset, service) = (random.Next(1, 31), random.Next(3));
            return Answered(await Check(offset, Services[service], $"m_{i}"));
        });
        var mixedFetches = slots() - before;

        // Cal.com failing: every slots request answers 500.
        fake.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 1_000_000, Method: "GET", PathPrefix: "/v2/slots"));
        var german = 0;
        reports.Add(await LoadRun.RunAsync(app, "check_availability while Cal.com fails (German answer)", 1, 20, async i =>
        {
            var status = await Check(31 + i, "Beratung", $"f_{i}");
            if (status == "error") Interlocked.Increment(ref german);
            return status == "error";
        }));
        fake.Calendar.Faults.Clear();
        reports.Add(await LoadRun.RunAsync(app, "/health/live (after)", 1, 200, async _ => (await http.GetAsync("health/live")).StatusCode == HttpStatusCode.OK));

        Console.WriteLine("| run | concurrency | requests | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/req |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in reports) Console.WriteLine(r);
        Console.WriteLine($"cold: {coldFetches} Cal.com slot requests for 60 checks; warm: {warmFetches} for 60 checks");
        Console.WriteLine($"mixed: {checks} checks in 60 s, {mixedFetches} Cal.com slot requests → cache hit ratio {1 - (double)mixedFetches / Math.Max(1, checks):P1}");
        Console.WriteLine($"failing: {german}/20 answered with the German error and callback offer");
        return 0;
    }
}
