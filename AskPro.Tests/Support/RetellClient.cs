using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AskPro.Infrastructure.Telephony;

namespace AskPro.Tests.Support;

/// <summary>A fake Retell's function calls: sent to the app over HTTP, signed as Retell signs
/// (<see cref="FakeRetell.Sign"/>).</summary>
public sealed class RetellClient(HttpClient http, string apiKey, Func<DateTimeOffset> now)
{
    public const string SalonNumber = "+493055501000";
    public const string PraxisNumber = "+498955502000";

    public async Task<JsonElement> CallAsync(string function, object? args, string callId, string toNumber = SalonNumber, string? fromNumber = "+4915199990000")
    {
        var response = await SendAsync(Body(function, args, callId, toNumber, fromNumber));
        // The body of an unexpected answer (in Development the exception page) says what broke.
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Fail($"{function} answered {(int)response.StatusCode}: {Truncate(await response.Content.ReadAsStringAsync(), 4000)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Body(string function, object? args, string callId, string toNumber, string? fromNumber)
    {
        var call = new JsonObject { ["call_id"] = callId, ["to_number"] = toNumber, ["agent_id"] = "agent_demo", ["call_type"] = "phone_call" };
        if (fromNumber is not null) call["from_number"] = fromNumber;
        return new JsonObject { ["name"] = function, ["call"] = call, ["args"] = JsonSerializer.SerializeToNode(args ?? new { }) }.ToJsonString();
    }

    public Task<HttpResponseMessage> SendAsync(string body, string? signature = null, bool sign = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/retell/functions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (sign) request.Headers.TryAddWithoutValidation(RetellSignature.Header, signature ?? FakeRetell.Sign(body, apiKey, now()));
        return http.SendAsync(request);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
