using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AskPro.Infrastructure.Telephony;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Telephony;

/// <summary>Plays Retell for the "Testanruf" page: builds the function call a voice agent
/// would send, signs it with the installation's Retell key and posts it over HTTP to this
/// app's own endpoint — the real path, not a shortcut.</summary>
public sealed class CallSimulator(IHttpClientFactory clients, IOptions<RetellOptions> retell, TimeProvider clock)
{
    /// <param name="Request">The signed request body as sent (what Retell would send).</param>
    public sealed record Answer(int StatusCode, string Body, string? Message, string Request = "");

    public async Task<Answer> SendAsync(Uri appBase, string function, IReadOnlyDictionary<string, string> args,
        string callId, string toNumber, string? fromNumber, CancellationToken ct)
    {
        var call = new JsonObject { ["call_id"] = callId, ["to_number"] = toNumber, ["agent_id"] = "agent_simulator", ["call_type"] = "web_call" };
        call["from_number"] = fromNumber ?? "anonymous";
        var argsNode = new JsonObject();
        foreach (var (name, value) in args.Where(a => !string.IsNullOrWhiteSpace(a.Value)))
            argsNode[name] = name == "bestaetigung" && bool.TryParse(value, out var flag) ? flag : value;
        var body = new JsonObject { ["name"] = function, ["call"] = call, ["args"] = argsNode }.ToJsonString();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(appBase, "api/retell/functions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, RetellSignature.Sign(Encoding.UTF8.GetBytes(body), retell.Value.ApiKey, clock.GetUtcNow()));
        using var response = await clients.CreateClient("simulator").SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            text = JsonSerializer.Serialize(json.RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
        catch (JsonException)
        {
            // Not JSON (e.g. a 401): the raw answer is shown as it is.
        }
        return new Answer((int)response.StatusCode, text, message, body);
    }
}
