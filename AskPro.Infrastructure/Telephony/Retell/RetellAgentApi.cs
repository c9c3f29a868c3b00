using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AskPro.Core.Shared;
using AskPro.Core.Telephony.Provisioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AskPro.Infrastructure.Telephony.Retell;

/// <summary>Retell's API for agent provisioning: the only code that knows Retell's field names
/// (Retell's API reference and the retell-sdk types: create-retell-llm, update-retell-llm,
/// create-agent, update-agent, import-phone-number, create-phone-number). Every call goes
/// through <see cref="RetellResilience"/> and comes back as a <see cref="PlatformResult{T}"/>;
/// Retell's error message is kept as detail, never the key, never personal data in the log.</summary>
internal sealed class RetellAgentApi(HttpClient http, IOptions<RetellOptions> options, ILogger<RetellAgentApi> logger) : IVoiceAgentPlatform
{
    public Task<PlatformResult<string>> CreateLlmAsync(AgentSetup setup, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "create-retell-llm", Llm(setup), r => Id(r, "llm_id"), ct);

    public Task<PlatformResult<bool>> UpdateLlmAsync(string llmId, AgentSetup setup, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, "update-retell-llm/" + Uri.EscapeDataString(llmId), Llm(setup), _ => true, ct);

    public Task<PlatformResult<bool>> DeleteLlmAsync(string llmId, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, "delete-retell-llm/" + Uri.EscapeDataString(llmId), null, _ => true, ct);

    public Task<PlatformResult<string>> CreateAgentAsync(string llmId, AgentSetup setup, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "create-agent", Agent(llmId, setup), r => Id(r, "agent_id"), ct);

    public Task<PlatformResult<bool>> UpdateAgentAsync(string agentId, string llmId, AgentSetup setup, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, "update-agent/" + Uri.EscapeDataString(agentId), Agent(llmId, setup), _ => true, ct);

    public Task<PlatformResult<string?>> FindAgentAsync(string llmId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, "list-agents", null, agents => agents.ValueKind != JsonValueKind.Array ? throw new FormatException("list-agents is not a list")
            : agents.EnumerateArray()
                .Where(a => a.TryGetProperty("response_engine", out var e) && e.ValueKind == JsonValueKind.Object
                            && e.TryGetProperty("llm_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == llmId)
                .Select(a => (string?)Id(a, "agent_id")).FirstOrDefault(), ct);

    public Task<PlatformResult<PlatformNumber>> ImportNumberAsync(NumberImport number, string agentId, Uri inboundWebhookUrl, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["phone_number"] = number.Number.Value, ["termination_uri"] = number.TerminationUri,
            ["inbound_agent_id"] = agentId, ["nickname"] = number.Nickname, ["inbound_webhook_url"] = inboundWebhookUrl.ToString(),
        };
        if (number.SipUser is { Length: > 0 } user) body["sip_trunk_auth_username"] = user;
        if (number.SipPassword is { Length: > 0 } password) body["sip_trunk_auth_password"] = password;
        return SendAsync(HttpMethod.Post, "import-phone-number", body, Number, ct);
    }

    public Task<PlatformResult<bool>> BindNumberAsync(E164Number number, string agentId, Uri inboundWebhookUrl, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, "update-phone-number/" + Uri.EscapeDataString(number.Value), new JsonObject
        {
            ["inbound_agent_id"] = agentId, ["inbound_webhook_url"] = inboundWebhookUrl.ToString(),
        }, _ => true, ct);

    public Task<PlatformResult<PlatformNumber>> BuyNumberAsync(int areaCode, string nickname, string agentId, Uri inboundWebhookUrl, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "create-phone-number", new JsonObject
        {
            ["area_code"] = areaCode, ["inbound_agent_id"] = agentId, ["nickname"] = nickname, ["inbound_webhook_url"] = inboundWebhookUrl.ToString(),
        }, Number, ct);

    private JsonObject Llm(AgentSetup setup)
    {
        var tools = new JsonArray();
        foreach (var f in setup.Functions) tools.Add(Tool(f, setup.FunctionsUrl));
        tools.Add(new JsonObject { ["type"] = "end_call", ["name"] = "end_call", ["description"] = "Beendet das Gespräch, wenn alles erledigt ist oder der Anrufer sich verabschiedet." });
        return new JsonObject
        {
            ["general_prompt"] = setup.Prompt,
            ["begin_message"] = setup.BeginMessage,
            ["start_speaker"] = "agent",
            ["general_tools"] = tools,
            // Until call_inbound has answered (or when it is not configured): a call is served.
            ["default_dynamic_variables"] = new JsonObject
            {
                ["freigeschaltet"] = "ja", ["hinweis"] = "", ["heute"] = "", ["uhrzeit"] = "", ["bekannter_kunde"] = "nein", ["vorname"] = "",
            },
        };
    }

    private static JsonObject Tool(AgentFunctionSpec f, Uri url)
    {
        var properties = new JsonObject();
        foreach (var p in f.Parameters) properties[p.Name] = new JsonObject { ["type"] = p.Type, ["description"] = p.Description };
        var parameters = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (f.Parameters.Any(p => p.Required)) parameters["required"] = new JsonArray([.. f.Parameters.Where(p => p.Required).Select(p => (JsonNode)p.Name)]);
        return new JsonObject
        {
            ["type"] = "custom", ["name"] = f.Name, ["description"] = f.Description, ["url"] = url.ToString(), ["method"] = "POST",
            ["parameters"] = parameters, ["speak_during_execution"] = true, ["speak_after_execution"] = true, ["timeout_ms"] = 10_000,
        };
    }

    private JsonObject Agent(string llmId, AgentSetup setup)
    {
        return new JsonObject
        {
            ["response_engine"] = new JsonObject { ["type"] = "retell-llm", ["llm_id"] = llmId },
            ["agent_name"] = setup.AgentName,
            ["voice_id"] = setup.VoiceId,
            ["language"] = setup.Language,
            ["webhook_url"] = setup.WebhookUrl.ToString(),
        };
    }

    private static string Id(JsonElement response, string field) =>
        response.TryGetProperty(field, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value : throw new FormatException($"Retell's answer has no {field}.");

    private static PlatformNumber Number(JsonElement response) =>
        new(E164Number.TryParse(Id(response, "phone_number"), "US", out var number) ? number! : throw new FormatException("Retell's phone_number is not E.164."));

    private async Task<PlatformResult<T>> SendAsync<T>(HttpMethod method, string path, JsonObject? body, Func<JsonElement, T> read, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        RetellResilience.Tag(request, retryable: method != HttpMethod.Post);
        var endpoint = path.Split('/')[0];
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                return PlatformResult<T>.Ok(read(json.RootElement));
            }
            var error = new PlatformError(Failure(response.StatusCode), Scrub(Message(text)));
            logger.LogWarning("Retell {Endpoint} answered {Status}: {Detail}", endpoint, (int)response.StatusCode, error.Detail);
            return PlatformResult<T>.Fail(error);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("Retell {Endpoint} did not answer in time", endpoint);
            return PlatformResult<T>.Fail(new PlatformError(PlatformFailure.Timeout));
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            logger.LogWarning("Retell {Endpoint} unreachable: {Error}", endpoint, ex.GetType().Name);
            return PlatformResult<T>.Fail(new PlatformError(PlatformFailure.Unavailable));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            logger.LogWarning("Retell {Endpoint} answered something unreadable", endpoint);
            return PlatformResult<T>.Fail(new PlatformError(PlatformFailure.Unavailable, "invalid response"));
        }
    }

    /// <summary>Retell's messages may quote what was sent (a phone number): digits runs are
    /// masked before the message is logged or shown.</summary>
    private static string? Scrub(string? message) =>
        message is null ? null : System.Text.RegularExpressions.Regex.Replace(message, @"\+?\d[\d ]{5,}\d", "***");

    private static PlatformFailure Failure(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => PlatformFailure.Unauthorized,
        404 => PlatformFailure.NotFound,
        409 => PlatformFailure.Conflict,
        429 => PlatformFailure.RateLimited,
        >= 500 => PlatformFailure.Unavailable,
        _ => PlatformFailure.Rejected,
    };

    /// <summary>Retell's <c>{"status":"error","message":"…"}</c>, shortened; null when there is none.</summary>
    private static string? Message(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                return m.GetString() is { } s && s.Length > 300 ? s[..300] : m.GetString();
        }
        catch (JsonException)
        {
            // Not Retell's envelope (a proxy's HTML page): no detail to show.
        }
        return null;
    }
}
