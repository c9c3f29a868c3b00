using System.Text;
using System.Text.Json.Nodes;
using AskPro.Infrastructure.Telephony;
using AskPro.Web.Demo;

namespace AskPro.Web.Webhooks;

/// <summary><c>dotnet run --project AskPro.Web -- send-demo-call [url] [retell-key]</c>: replays a
/// short call to the salon as Retell would send it (call_started, call_ended, call_analyzed,
/// signed), so anyone can see a call arrive on the Calls page without Retell.</summary>
public static class DemoCallSender
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, HttpClient? client = null)
    {
        var url = new Uri(args.FirstOrDefault(a => a.StartsWith("http", StringComparison.Ordinal)) ?? "http://localhost:5080/");
        var key = args.FirstOrDefault(a => !a.StartsWith("http", StringComparison.Ordinal)) ?? DemoData.RetellApiKey;
        using var owned = client is null ? new HttpClient() : null;
        var http = client ?? owned!;

        var callId = "call_demo_" + Guid.NewGuid().ToString("N")[..12];
        var start = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeMilliseconds();
        var end = start + 95_000;
        foreach (var (type, analyzed) in new[] { ("call_started", false), ("call_ended", false), ("call_analyzed", true) })
        {
            var call = new JsonObject
            {
                ["call_id"] = callId, ["agent_id"] = "agent_demo-salon", ["call_type"] = "phone_call", ["direction"] = "inbound",
                ["from_number"] = "+4917612345678", ["to_number"] = DemoData.Salon.Phone, ["call_status"] = type == "call_started" ? "ongoing" : "ended",
                ["start_timestamp"] = start,
            };
            if (type != "call_started")
            {
                call["end_timestamp"] = end;
                call["duration_ms"] = end - start;
                call["disconnection_reason"] = "user_hangup";
                call["transcript"] = "Agent: Salon Sonnenschein, guten Tag!\nUser: Ich hätte gern morgen einen Herrenhaarschnitt.\nAgent: Morgen um 10 Uhr wäre frei.\nUser: Passt, danke!";
                call["call_cost"] = new JsonObject { ["combined_cost"] = 21.4, ["total_duration_seconds"] = 95 };
            }
            if (analyzed) call["call_analysis"] = new JsonObject { ["call_summary"] = "Anrufer möchte morgen einen Herrenhaarschnitt.", ["user_sentiment"] = "Positive", ["call_successful"] = true };

            var body = new JsonObject { ["event"] = type, ["call"] = call }.ToJsonString();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "api/webhooks/retell")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(Encoding.UTF8.GetBytes(body), key, DateTimeOffset.UtcNow));
            using var response = await http.SendAsync(request);
            await output.WriteLineAsync($"{type}: HTTP {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode) return 1;
        }
        await output.WriteLineAsync($"Sent call {callId}; it appears on the Calls page in a moment.");
        return 0;
    }
}
