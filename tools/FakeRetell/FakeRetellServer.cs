using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AskPro.Tools.FakeRetell;

/// <summary>A stand-in for Retell's API (agent provisioning) on a loopback port: create, read,
/// update and delete Retell LLMs, agents and phone numbers in a <see cref="FakeRetellWorkspace"/>,
/// with Retell's status codes and error envelope <c>{"status":"error","message":…}</c>, and
/// switches for 401, 422, 429, 500 and hanging requests. Strict where Retell is strict (an
/// agent needs an existing LLM and a voice; an imported number needs E.164 and a termination
/// URI), so a client mistake shows.</summary>
public sealed partial class FakeRetellServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeRetellServer(WebApplication app, FakeRetellWorkspace workspace)
    {
        _app = app;
        Workspace = workspace;
    }

    public FakeRetellWorkspace Workspace { get; }

    /// <summary>Fires when the host shuts down (Ctrl+C and SIGTERM are taken by the host's lifetime).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>The API base, e.g. http://127.0.0.1:5091 (what <c>Retell:ApiBaseUrl</c> is set to).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeRetellServer> StartAsync(FakeRetellWorkspace? workspace = null, int port = 0, bool log = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        if (!log) builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeRetellServer(app, workspace ?? new FakeRetellWorkspace());
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(2));
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(GuardAsync);
        app.MapPost("/create-retell-llm", (HttpContext c) => CreateLlm(Body(c)));
        app.MapGet("/get-retell-llm/{id}", (string id) => Find(Workspace.Llms, id));
        app.MapPatch("/update-retell-llm/{id}", (string id, HttpContext c) => Update(Workspace.Llms, id, Body(c)));
        app.MapDelete("/delete-retell-llm/{id}", (string id) => Delete(Workspace.Llms, id));
        app.MapPost("/create-agent", (HttpContext c) => CreateAgent(Body(c)));
        app.MapGet("/get-agent/{id}", (string id) => Find(Workspace.Agents, id));
        app.MapGet("/list-agents", () => Results.Json(new JsonArray([.. Workspace.Agents.Values.Select(a => a.DeepClone())])));
        app.MapPatch("/update-agent/{id}", (string id, HttpContext c) => UpdateAgent(id, Body(c)));
        app.MapDelete("/delete-agent/{id}", (string id) => Delete(Workspace.Agents, id));
        app.MapPost("/publish-agent-version/{id}", (string id) => Publish(id));
        app.MapPost("/import-phone-number", (HttpContext c) => ImportNumber(Body(c)));
        app.MapPost("/create-phone-number", (HttpContext c) => BuyNumber(Body(c)));
        app.MapGet("/get-phone-number/{number}", (string number) => Find(Workspace.PhoneNumbers, number));
        app.MapPatch("/update-phone-number/{number}", (string number, HttpContext c) => UpdateNumber(number, Body(c)));
        app.MapDelete("/delete-phone-number/{number}", (string number) => Delete(Workspace.PhoneNumbers, number));

        // For people running the demo by hand: look, and flip a switch with curl.
        app.MapGet("/_fake/state", () => Results.Json(new JsonObject
        {
            ["llms"] = new JsonArray([.. Workspace.Llms.Values.Select(v => v.DeepClone())]),
            ["agents"] = new JsonArray([.. Workspace.Agents.Values.Select(v => v.DeepClone())]),
            ["phone_numbers"] = new JsonArray([.. Workspace.PhoneNumbers.Values.Select(v => v.DeepClone())]),
            ["deleted"] = new JsonArray([.. Workspace.Deleted.Select(d => (JsonNode)d)]),
        }));
        app.MapPost("/_fake/faults", (string fault, int? times, string? path, string? method, string? message) =>
        {
            if (!Enum.TryParse<Fault>(fault, ignoreCase: true, out var f)) return Results.BadRequest($"Unknown fault. Known: {string.Join(", ", Enum.GetNames<Fault>())}");
            Workspace.Faults.Add(new FaultRule(f, times, method, path, message));
            return Results.Ok();
        });
        app.MapDelete("/_fake/faults", () => { Workspace.Faults.Clear(); return Results.Ok(); });
        app.MapPost("/_fake/reset", () => { Workspace.Reset(); return Results.Ok(); });
    }

    /// <summary>Authentication, the request log and the switches, before any route.</summary>
    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/_fake/", StringComparison.Ordinal)) { await next(context); return; }

        JsonNode? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            try { body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted); }
            catch (JsonException) { await Answer(context, path, Error(400, "Invalid request format, please check API reference.")); return; }
        }
        context.Items["body"] = body;

        var auth = context.Request.Headers.Authorization.ToString();
        var key = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : "";
        if (!Workspace.ApiKeys.Contains(key)) { await Answer(context, path, Error(401, "API key is missing or invalid.")); return; }

        switch (Workspace.Faults.Take(context.Request.Method, path) is { } rule ? rule : null)
        {
            case { Fault: Fault.Unauthorized }: await Answer(context, path, Error(401, "API key is missing or invalid.")); return;
            case { Fault: Fault.Unprocessable } r: await Answer(context, path, Error(422, r.Message ?? "Cannot find requested asset under given api key.")); return;
            case { Fault: Fault.TooManyRequests }: await Answer(context, path, Error(429, "Account rate limited, please throttle your requests.")); return;
            case { Fault: Fault.ServerError }: await Answer(context, path, Error(500, "An unexpected server error occurred.")); return;
            case { Fault: Fault.Hang }:
                Workspace.See(new SeenRequest(DateTimeOffset.UtcNow, context.Request.Method, path, body, 0));
                await HangUntilAbortedAsync(context);
                return;
            case { Fault: Fault.DoThenHang }:
                var answer = context.Response.Body;
                context.Response.Body = new MemoryStream(); // the answer is made, and never sent
                await next(context);
                Workspace.See(new SeenRequest(DateTimeOffset.UtcNow, context.Request.Method, path, body, 0));
                context.Response.Body = answer;
                await HangUntilAbortedAsync(context);
                return;
        }
        await next(context);
        Workspace.See(new SeenRequest(DateTimeOffset.UtcNow, context.Request.Method, path, body, context.Response.StatusCode));
    }

    private async Task Answer(HttpContext context, string path, IResult result)
    {
        await result.ExecuteAsync(context);
        Workspace.See(new SeenRequest(DateTimeOffset.UtcNow, context.Request.Method, path, context.Items["body"] as JsonNode, context.Response.StatusCode));
    }

    /// <summary>A hanging Retell: the request stays open, unanswered, until the client gives up.</summary>
    private static Task HangUntilAbortedAsync(HttpContext context)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.RequestAborted.Register(() => aborted.TrySetResult());
        return aborted.Task;
    }

    private static JsonObject? Body(HttpContext context) => context.Items["body"] as JsonObject;

    private IResult CreateLlm(JsonObject? body)
    {
        if (body is null) return Error(400, "Invalid request format, please check API reference.");
        if (ToolProblem(body["general_tools"]) is { } problem) return Error(400, problem);
        var llm = (JsonObject)body.DeepClone();
        llm["llm_id"] = Workspace.NewId("llm");
        llm["version"] = 0;
        llm["is_published"] = false;
        llm["last_modification_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Workspace.Llms[llm["llm_id"]!.GetValue<string>()] = llm;
        return Results.Json(llm, statusCode: 201);
    }

    /// <summary>Retell's rules for custom tools: a name of [a-zA-Z0-9_-]{1,64}, a URL, and a JSON-schema object as parameters.</summary>
    private static string? ToolProblem(JsonNode? tools)
    {
        if (tools is null) return null;
        if (tools is not JsonArray array) return "general_tools must be an array.";
        foreach (var tool in array.OfType<JsonObject>())
        {
            var name = tool["name"]?.GetValue<string>() ?? "";
            if (!ToolName().IsMatch(name)) return $"Invalid tool name '{name}'.";
            if (tool["type"]?.GetValue<string>() != "custom") continue;
            if (!Uri.TryCreate(tool["url"]?.GetValue<string>(), UriKind.Absolute, out _)) return $"Tool {name}: url must be an absolute URL.";
            if (tool["parameters"] is JsonObject parameters && parameters["type"]?.GetValue<string>() != "object")
                return $"Tool {name}: parameters.type must be \"object\".";
        }
        return null;
    }

    private IResult CreateAgent(JsonObject? body)
    {
        if (body?["response_engine"] is not JsonObject engine || engine["type"]?.GetValue<string>() != "retell-llm")
            return Error(400, "response_engine is required.");
        if (engine["llm_id"]?.GetValue<string>() is not { } llmId || !Workspace.Llms.ContainsKey(llmId))
            return Error(422, "Cannot find requested asset under given api key.");
        if (string.IsNullOrWhiteSpace(body["voice_id"]?.GetValue<string>())) return Error(400, "voice_id is required.");
        var agent = (JsonObject)body.DeepClone();
        agent["agent_id"] = Workspace.NewId("agent");
        agent["version"] = 0;
        agent["is_published"] = false;
        agent["last_modification_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Workspace.Agents[agent["agent_id"]!.GetValue<string>()] = agent;
        return Results.Json(agent, statusCode: 201);
    }

    private IResult UpdateAgent(string id, JsonObject? body)
    {
        if (body?["response_engine"] is JsonObject engine && engine["llm_id"]?.GetValue<string>() is { } llmId && !Workspace.Llms.ContainsKey(llmId))
            return Error(422, "Cannot find requested asset under given api key.");
        return Update(Workspace.Agents, id, body);
    }

    private IResult Publish(string id)
    {
        if (!Workspace.Agents.TryGetValue(id, out var agent)) return Error(404, "Not Found");
        lock (agent)
        {
            agent["is_published"] = true;
            agent["version"] = (agent["version"]?.GetValue<int>() ?? 0) + 1;
        }
        return Results.Ok();
    }

    private IResult ImportNumber(JsonObject? body)
    {
        var number = body?["phone_number"]?.GetValue<string>() ?? "";
        if (!E164().IsMatch(number)) return Error(400, "phone_number must be in E.164 format.");
        if (string.IsNullOrWhiteSpace(body!["termination_uri"]?.GetValue<string>())) return Error(400, "termination_uri is required.");
        return AddNumber(number, body);
    }

    private IResult BuyNumber(JsonObject? body)
    {
        if (body?["area_code"] is not JsonValue code || !code.TryGetValue<int>(out var area) || area is < 200 or > 999)
            return Error(400, "area_code must be a 3 digit integer (US area codes only).");
        return AddNumber(Workspace.NewNumber(area), body);
    }

    private IResult AddNumber(string number, JsonObject body)
    {
        if (body["inbound_agent_id"]?.GetValue<string>() is { } agent && !Workspace.Agents.ContainsKey(agent))
            return Error(422, "Cannot find requested asset under given api key.");
        var stored = (JsonObject)body.DeepClone();
        stored["phone_number"] = number;
        stored["phone_number_pretty"] = number;
        stored["phone_number_type"] = body.ContainsKey("termination_uri") ? "custom" : "retell-twilio";
        stored["last_modification_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        stored.Remove("sip_trunk_auth_password"); // Retell never returns it
        if (!Workspace.PhoneNumbers.TryAdd(number, stored)) return Error(409, "Phone number already exists.");
        return Results.Json(stored, statusCode: 201);
    }

    private IResult UpdateNumber(string number, JsonObject? body)
    {
        if (body?["inbound_agent_id"]?.GetValue<string>() is { } agent && !Workspace.Agents.ContainsKey(agent))
            return Error(422, "Cannot find requested asset under given api key.");
        return Update(Workspace.PhoneNumbers, number, body);
    }

    private static IResult Find(System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> store, string id) =>
        store.TryGetValue(id, out var found) ? Results.Json(found) : Error(404, "Not Found");

    private static IResult Update(System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> store, string id, JsonObject? body)
    {
        if (body is null) return Error(400, "Invalid request format, please check API reference.");
        if (ToolProblem(body["general_tools"]) is { } problem) return Error(400, problem);
        if (!store.TryGetValue(id, out var found)) return Error(404, "Not Found");
        lock (found)
        {
            foreach (var (name, value) in body) found[name] = value?.DeepClone();
            found["last_modification_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            return Results.Json(found.DeepClone());
        }
    }

    private IResult Delete(System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> store, string id)
    {
        if (!store.TryRemove(id, out _)) return Error(404, "Not Found");
        Workspace.Deleted.Enqueue(id);
        return Results.NoContent();
    }

    /// <summary>Retell's error envelope.</summary>
    private static IResult Error(int status, string message) =>
        Results.Json(new JsonObject { ["status"] = "error", ["message"] = message }, statusCode: status);

    [GeneratedRegex(@"^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ToolName();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();
}
