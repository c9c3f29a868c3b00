using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AskPro.Tools.FakeRetell;

namespace AskPro.Tests.Provisioning;

/// <summary>The fake Retell API behaves like Retell where provisioning depends on it: a key is
/// required, an agent needs an existing LLM, numbers are E.164 and unique, switches fire as many
/// times as asked.</summary>
public sealed class FakeRetellServerTests : IAsyncLifetime
{
    private FakeRetellServer _retell = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _retell = await FakeRetellServer.StartAsync();
        _http = new HttpClient { BaseAddress = _retell.BaseUrl };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", FakeRetellWorkspace.DemoApiKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _retell.DisposeAsync();
    }

    [Fact]
    public async Task Without_the_key_nothing_is_created()
    {
        using var anonymous = new HttpClient { BaseAddress = _retell.BaseUrl };
        var response = await anonymous.PostAsJsonAsync("create-retell-llm", new { general_prompt = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("error", (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        Assert.Empty(_retell.Workspace.Llms);
    }

    [Fact]
    public async Task An_agent_needs_an_existing_llm_and_a_number_binds_to_an_existing_agent()
    {
        var missing = await _http.PostAsJsonAsync("create-agent", new { response_engine = new { type = "retell-llm", llm_id = "llm_nope" }, voice_id = "v" });
        Assert.Equal((HttpStatusCode)422, missing.StatusCode);

        var llm = await (await _http.PostAsJsonAsync("create-retell-llm", new { general_prompt = "Hallo" })).Content.ReadFromJsonAsync<JsonObject>();
        var agent = await _http.PostAsJsonAsync("create-agent", new { response_engine = new { type = "retell-llm", llm_id = llm!["llm_id"]!.GetValue<string>() }, voice_id = "v", language = "de-DE" });
        Assert.Equal(HttpStatusCode.Created, agent.StatusCode);
        var agentId = (await agent.Content.ReadFromJsonAsync<JsonObject>())!["agent_id"]!.GetValue<string>();

        var imported = await _http.PostAsJsonAsync("import-phone-number", new { phone_number = "+493055599001", termination_uri = "sip.example.de", inbound_agent_id = agentId });
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var twice = await _http.PostAsJsonAsync("import-phone-number", new { phone_number = "+493055599001", termination_uri = "sip.example.de" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var notE164 = await _http.PostAsJsonAsync("import-phone-number", new { phone_number = "030 555 99001", termination_uri = "sip.example.de" });
        Assert.Equal(HttpStatusCode.BadRequest, notE164.StatusCode);
        Assert.Equal(agentId, _retell.Workspace.PhoneNumbers["+493055599001"]["inbound_agent_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_switch_fires_as_often_as_asked_on_its_path_only()
    {
        _retell.Workspace.Faults.Add(new FaultRule(Fault.ServerError, Times: 1, PathPrefix: "/create-agent"));
        var llm = await _http.PostAsJsonAsync("create-retell-llm", new { general_prompt = "Hallo" });
        Assert.Equal(HttpStatusCode.Created, llm.StatusCode);
        var llmId = (await llm.Content.ReadFromJsonAsync<JsonObject>())!["llm_id"]!.GetValue<string>();
        var body = new { response_engine = new { type = "retell-llm", llm_id = llmId }, voice_id = "v" };
        Assert.Equal(HttpStatusCode.InternalServerError, (await _http.PostAsJsonAsync("create-agent", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsJsonAsync("create-agent", body)).StatusCode);
        Assert.Single(_retell.Workspace.Agents);
    }
}
