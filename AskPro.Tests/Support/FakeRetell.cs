using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AskPro.Tests.Support;

/// <summary>Stands in for Retell: posts webhook events to the app signed the way Retell signs
/// them (<c>v=&lt;unix ms&gt;,d=hex(HMAC-SHA256(api key, body + unix ms))</c>). Written from
/// Retell's description, not with the app's own signing code, so a bug there cannot hide.</summary>
public sealed class FakeRetell(HttpClient client, Func<DateTimeOffset> now, string apiKey = FakeRetell.DemoKey)
{
    public const string DemoKey = "askpro-demo-retell-key";

    public async Task<HttpResponseMessage> SendAsync(string body, TimeSpan? skew = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Retell-Signature", Sign(body, apiKey, now() + (skew ?? TimeSpan.Zero)));
        return await client.SendAsync(request);
    }

    public static string Sign(string body, string key, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(body + timestamp));
        return $"v={timestamp},d={Convert.ToHexStringLower(digest)}";
    }

    /// <summary>A finished call as Retell reports it (anonymous caller unless one is given).</summary>
    public static string CallEnded(string callId, string to = RetellClient.SalonNumber, string from = "anonymous", int seconds = 60,
        string? transcript = null, string? recordingUrl = null)
    {
        var call = new JsonObject
        {
            ["call_id"] = callId, ["agent_id"] = "agent_demo-salon", ["call_type"] = "phone_call", ["direction"] = "inbound",
            ["to_number"] = to, ["from_number"] = from, ["call_status"] = "ended",
            ["start_timestamp"] = 1764000000000, ["end_timestamp"] = 1764000000000 + seconds * 1000L, ["duration_ms"] = seconds * 1000L,
            ["disconnection_reason"] = "user_hangup",
        };
        if (transcript is not null) call["transcript"] = transcript;
        if (recordingUrl is not null) call["recording_url"] = recordingUrl;
        return new JsonObject { ["event"] = "call_ended", ["call"] = call }.ToJsonString();
    }
}
