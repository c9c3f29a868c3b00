using System.Net;
using System.Text;
using AskPro.Infrastructure.Telephony;
using Microsoft.Data.Sqlite;

namespace AskPro.Benchmarks.Http;

/// <summary>Signed Retell call_ended deliveries over loopback at concurrency 1/50/500 against
/// the same app's trivial /health/live as the ceiling, then the time until the inbox is
/// drained. See docs/PERFORMANCE.md.</summary>
public static class WebhookIngestLoad
{
    public static async Task<int> RunAsync(bool quick, bool withoutWorker)
    {
        // Rate limits are lifted for the measurement (they would answer 429 long before).
        // --no-worker isolates the ingest path: nothing is processed while deliveries arrive.
        var settings = new Dictionary<string, string> { ["RateLimits__WebhooksPerIpPerMinute"] = "100000000" };
        if (withoutWorker) settings["Webhooks__WorkerEnabled"] = "false";
        using var app = await AppProcess.StartAsync(settings);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        var scale = quick ? 5 : 1;
        var reports = new List<(LoadRun.Report Webhook, LoadRun.Report Ceiling)>();
        var sent = 0;

        await LoadRun.RunAsync("warm-up", 8, 200, async i => await DeliverAsync(http, $"warm_{i}"));
        foreach (var (concurrency, count) in new[] { (1, 1000), (50, 10000), (500, 20000) })
        {
            // Each phase starts with an empty inbox: the worker draining the previous phase
            // would otherwise slow down this phase's ceiling run.
            await DrainAsync(app.DatabasePath);
            var ceiling = await LoadRun.RunAsync("GET /health/live", concurrency, count / scale, async _ =>
            {
                using var response = await http.GetAsync("health/live");
                return response.StatusCode == HttpStatusCode.OK;
            });
            var webhook = await LoadRun.RunAsync("call_ended", concurrency, count / scale, i => DeliverAsync(http, $"wh_{concurrency}_{i}"));
            sent += count / scale;
            reports.Add((webhook, ceiling));
        }

        Console.WriteLine("| concurrency | requests | webhook req/s | p50 ms | p95 ms | p99 ms | errors | plain-200 req/s | plain-200 p50 / p99 ms | ratio |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (w, c) in reports)
            Console.WriteLine($"| {w.Concurrency} | {w.Requests} | {w.PerSecond:0} | {w.P50:0.0} | {w.P95:0.0} | {w.P99:0.0} | {w.Errors} | {c.PerSecond:0} | {c.P50:0.0} / {c.P99:0.0} | {w.PerSecond / c.PerSecond:P0} |");
        if (withoutWorker) return 0;

        var (drained, pending) = await DrainAsync(app.DatabasePath);
        Console.WriteLine($"\nInbox drained {drained.TotalSeconds:0.0} s after the last delivery; " +
                          $"{Count(app.DatabasePath, "Status = 'Processed' AND EventKey LIKE 'wh\\_%' ESCAPE '\\'")} of {sent} processed, {pending} left, " +
                          $"{Count(app.DatabasePath, "Status = 'Dead'")} dead.");
        return 0;
    }

    /// <summary>Waits until nothing is Pending, Processing or Failed (at most 10 minutes).</summary>
    private static async Task<(TimeSpan Took, long Left)> DrainAsync(string databasePath)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long left;
        while ((left = Count(databasePath, "Status IN ('Pending','Processing','Failed')")) > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
            await Task.Delay(250);
        return (clock.Elapsed, left);
    }

    private static async Task<bool> DeliverAsync(HttpClient http, string callId)
    {
        var body = $"{{\"event\":\"call_ended\",\"call\":{{\"call_id\":\"{callId}\",\"agent_id\":\"agent_demo\",\"to_number\":\"+493055501000\",\"from_number\":\"anonymous\",\"call_status\":\"ended\",\"start_timestamp\":1764000000000,\"end_timestamp\":1764000035000,\"duration_ms\":35000,\"transcript\":\"Agent: Hallo\\nUser: Ich möchte einen Termin.\"}}}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(Encoding.UTF8.GetBytes(body), "askpro-demo-retell-key", DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.NoContent;
    }

    private static long Count(string databasePath, string where)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Inbox WHERE " + where; // fixed conditions from this file only
        return (long)command.ExecuteScalar()!;
    }
}
