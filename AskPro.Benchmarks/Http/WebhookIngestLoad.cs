using System.Net;
using System.Text;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
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
        await app.SettleAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        var scale = quick ? 5 : 1;
        var sent = 0;

        await LoadRun.RunAsync("warm-up", 8, 200, i => DeliverAsync(http, Prepare("warm", 200, ShortCall)[i]));
        foreach (var (name, body) in new (string, Func<string, string>)[] { ("short call_ended", ShortCall), ("35-second call_ended", CallEnded) })
        {
            Console.WriteLine($"\n{name}: {Encoding.UTF8.GetByteCount(body("wh_0_0")):N0} bytes of JSON\n");
            Console.WriteLine("| concurrency | requests | webhook req/s | p50 ms | p95 ms | p99 ms | errors | plain-200 req/s | plain-200 p50 / p99 ms | ratio |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (concurrency, count) in new[] { (1, 1000), (50, 10000), (500, 20000) })
            {
                // Each phase starts with an empty inbox: the worker draining the previous phase
                // would otherwise slow down this phase's ceiling run.
                if (!withoutWorker) await DrainAsync(app.DatabasePath);
                var c = await LoadRun.RunAsync("GET /health/live", concurrency, count / scale, async _ =>
                {
                    using var response = await http.GetAsync("health/live");
                    return response.StatusCode == HttpStatusCode.OK;
                });
                // Bodies and signatures are made before the clock starts: the client shares the
                // machine's two cores with the app, and Retell's senders would not.
                var deliveries = Prepare($"wh_{sent}", count / scale, body);
                var w = await LoadRun.RunAsync("call_ended", concurrency, count / scale, i => DeliverAsync(http, deliveries[i]));
                sent += count / scale;
                Console.WriteLine($"| {w.Concurrency} | {w.Requests} | {w.PerSecond:0} | {w.P50:0.0} | {w.P95:0.0} | {w.P99:0.0} | {w.Errors} | {c.PerSecond:0} | {c.P50:0.0} / {c.P99:0.0} | {w.PerSecond / c.PerSecond:P0} |");
            }
        }
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

    private static (byte[] Body, string Signature)[] Prepare(string prefix, int count, Func<string, string> make)
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(i =>
        {
            var body = Encoding.UTF8.GetBytes(make($"{prefix}_{i}"));
            return (body, RetellSignature.Sign(body, "askpro-demo-retell-key", now));
        }).ToArray();
    }

    private static async Task<bool> DeliverAsync(HttpClient http, (byte[] Body, string Signature) delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/retell") { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, delivery.Signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.NoContent;
    }

    /// <summary>The smallest useful call_ended: times, numbers and a two-line transcript.</summary>
    internal static string ShortCall(string callId) =>
        $"{{\"event\":\"call_ended\",\"call\":{{\"call_id\":\"{callId}\",\"agent_id\":\"agent_demo\",\"to_number\":\"+493055501000\",\"from_number\":\"anonymous\",\"call_status\":\"ended\",\"start_timestamp\":1764000000000,\"end_timestamp\":1764000035000,\"duration_ms\":35000,\"transcript\":\"Agent: Hallo\\nUser: Ich möchte einen Termin.\"}}}}";

    /// <summary>A 35-second call as Retell sends it on call_ended: transcript, transcript_object
    /// with word timings (twice, as Retell repeats it with tool calls), latency and cost: about
    /// 8 KB of JSON (a real 35-second call with every field is ~13 KB).</summary>
    private static string CallEnded(string callId)
    {
        string[] turns =
        [
            "Agent: Guten Tag, Salon Schmidt, was kann ich für Sie tun?",
            "User: Ja hallo, ich hätte gern einen Termin für einen Herrenhaarschnitt am Dienstag.",
            "Agent: Gern. Am Dienstag, 24. November, hätte ich um 14:30 Uhr oder um 16 Uhr etwas frei.",
            "User: 14:30 Uhr passt mir gut.",
            "Agent: Darf ich noch Ihren Namen haben?",
            "User: Paul Neumann.",
            "Agent: Danke, Herr Neumann. Ihr Termin am Dienstag um 14:30 Uhr ist gebucht. Auf Wiederhören!",
        ];
        var objects = new System.Text.Json.Nodes.JsonArray();
        var at = 0.4;
        foreach (var turn in turns)
        {
            var role = turn.StartsWith("Agent") ? "agent" : "user";
            var said = turn[(turn.IndexOf(':') + 2)..];
            var timed = new System.Text.Json.Nodes.JsonArray();
            foreach (var word in said.Split(' '))
            {
                timed.Add(new System.Text.Json.Nodes.JsonObject { ["word"] = word, ["start"] = Math.Round(at, 3), ["end"] = Math.Round(at + 0.31, 3) });
                at += 0.36;
            }
            objects.Add(new System.Text.Json.Nodes.JsonObject { ["role"] = role, ["content"] = said, ["words"] = timed });
            at += 0.8;
        }
        var call = new System.Text.Json.Nodes.JsonObject
        {
            ["call_id"] = callId, ["call_type"] = "phone_call", ["agent_id"] = "agent_demo", ["agent_version"] = 3, ["call_status"] = "ended",
            ["direction"] = "inbound", ["from_number"] = "anonymous", ["to_number"] = "+493055501000",
            ["start_timestamp"] = 1764000000000, ["end_timestamp"] = 1764000035000, ["duration_ms"] = 35000,
            ["disconnection_reason"] = "agent_hangup", ["transcript"] = string.Join("\n", turns), ["transcript_object"] = objects,
            // Retell repeats the dialogue with the agent's tool calls in between.
            ["transcript_with_tool_calls"] = objects.DeepClone(),
            ["recording_url"] = "https://example.org/recordings/" + callId + ".wav", ["public_log_url"] = "https://example.org/logs/" + callId + ".txt",
            ["latency"] = new System.Text.Json.Nodes.JsonObject
            {
                ["e2e"] = new System.Text.Json.Nodes.JsonObject { ["p50"] = 812, ["p90"] = 1104, ["p95"] = 1190, ["p99"] = 1320, ["max"] = 1402, ["min"] = 640, ["num"] = 4 },
                ["llm"] = new System.Text.Json.Nodes.JsonObject { ["p50"] = 410, ["p90"] = 522, ["p95"] = 560, ["p99"] = 601, ["max"] = 612, ["min"] = 350, ["num"] = 4 },
            },
            ["call_cost"] = new System.Text.Json.Nodes.JsonObject { ["combined_cost"] = 17.5, ["total_duration_seconds"] = 35, ["product_costs"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["product"] = "elevenlabs_tts", ["unit_price"] = 0.1166667, ["cost"] = 4.08 },
                new System.Text.Json.Nodes.JsonObject { ["product"] = "gpt_4o", ["unit_price"] = 0.0833333, ["cost"] = 2.92 }) },
            ["metadata"] = new System.Text.Json.Nodes.JsonObject(),
        };
        return new System.Text.Json.Nodes.JsonObject { ["event"] = "call_ended", ["call"] = call }.ToJsonString();
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
