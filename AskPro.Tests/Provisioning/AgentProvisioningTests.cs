using System.Text.Json.Nodes;
using AskPro.Core.Directory;
using AskPro.Core.Directory.SaveBranch;
using AskPro.Core.Onboarding.ValidateSetup;
using AskPro.Core.Telephony.Provisioning;
using AskPro.Core.Telephony.Provisioning.ProvisionAgent;
using AskPro.Tests.Support;
using AskPro.Tools.FakeRetell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Provisioning;

/// <summary>A branch's phone agent provisioned through Retell's API (the fake, over HTTP): what is
/// sent, field by field; failures in German with nothing half-made; retries without duplicates;
/// later changes of the company's data reaching the agent.</summary>
public sealed class AgentProvisioningTests(ProvisioningApp app) : IClassFixture<ProvisioningApp>, IDisposable
{
    private FakeRetellWorkspace Retell => app.Retell.Workspace;

    public void Dispose() => Retell.Faults.Clear();

    private Task<ProvisioningOutcome> ProvisionAsync(SalonData salon) =>
        app.AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<ProvisionAgent>().RunAsync(salon.Branch.Id, default));

    private Task<VoiceAgent?> RowAsync(SalonData salon) => app.ReadAsync(db => db.VoiceAgents.AsNoTracking().FirstOrDefaultAsync(a => a.BranchId == salon.Branch.Id));

    /// <summary>What the fake holds for this salon (every salon has its own company name in the prompt).</summary>
    private List<JsonObject> LlmsOf(SalonData salon) => [.. Retell.Llms.Values.Where(l => l["begin_message"]!.GetValue<string>().Contains(salon.Company.Name))];
    private List<JsonObject> AgentsOf(SalonData salon) => [.. Retell.Agents.Values.Where(a => a["agent_name"]!.GetValue<string>().StartsWith(salon.Company.Name))];

    [Fact]
    public async Task Provisioning_sends_a_german_prompt_the_functions_and_this_installations_urls()
    {
        var salon = await app.SalonAsync();
        var outcome = Assert.IsType<ProvisioningOutcome.Provisioned>(await ProvisionAsync(salon));

        var llm = Assert.Single(LlmsOf(salon));
        Assert.Equal(outcome.LlmId, llm["llm_id"]!.GetValue<string>());
        var prompt = llm["general_prompt"]!.GetValue<string>();
        Assert.Contains("Herrenhaarschnitt: 30 Minuten, 29,00 €", prompt);
        Assert.Contains("Montag: 09:00–12:00 Uhr, 13:00–18:00 Uhr", prompt);
        Assert.Contains("Sonntag: geschlossen", prompt);
        Assert.Contains("absagen bis 24 Stunden vorher", prompt);
        Assert.Contains("macht: Anna", prompt);
        Assert.Contains("künstliche Intelligenz", prompt);
        var begin = llm["begin_message"]!.GetValue<string>();
        Assert.Contains(salon.Company.Name, begin);
        Assert.Contains("künstliche Intelligenz", begin); // EU AI Act: said at once
        Assert.Contains("aufgezeichnet", begin);

        var tools = llm["general_tools"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal([.. AgentFunctionCatalog.All.Select(f => f.Name), "end_call"], tools.Select(t => t["name"]!.GetValue<string>()));
        foreach (var tool in tools.Where(t => t["type"]!.GetValue<string>() == "custom"))
        {
            Assert.Equal(ProvisioningApp.PublicBase + "/api/retell/functions", tool["url"]!.GetValue<string>());
            Assert.Equal("object", tool["parameters"]!["type"]!.GetValue<string>());
        }
        var check = tools.Single(t => t["name"]!.GetValue<string>() == "check_availability");
        Assert.Equal(["dienstleistung", "datum", "uhrzeit"], check["parameters"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("string", check["parameters"]!["properties"]!["mitarbeiter"]!["type"]!.GetValue<string>());

        var agent = Assert.Single(AgentsOf(salon));
        Assert.Equal(outcome.AgentId, agent["agent_id"]!.GetValue<string>());
        Assert.Equal("retell-llm", agent["response_engine"]!["type"]!.GetValue<string>());
        Assert.Equal(outcome.LlmId, agent["response_engine"]!["llm_id"]!.GetValue<string>());
        Assert.Equal("de-DE", agent["language"]!.GetValue<string>());
        Assert.Equal("11labs-Carola", agent["voice_id"]!.GetValue<string>());
        Assert.Equal(ProvisioningApp.PublicBase + "/api/webhooks/retell", agent["webhook_url"]!.GetValue<string>());

        var row = await RowAsync(salon);
        Assert.True(row is { IsProvisioned: true, LastError: null });
        Assert.Equal((outcome.LlmId, outcome.AgentId), (row!.LlmId, row.AgentId));

        // The same setup again sends nothing.
        var requests = Retell.Requests.Count;
        Assert.Equal(new ProvisioningOutcome.Provisioned(outcome.LlmId, outcome.AgentId, false), await ProvisionAsync(salon));
        Assert.Equal(requests, Retell.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_a_server_error_reuses_the_llm_and_creates_no_duplicate()
    {
        var salon = await app.SalonAsync();
        Retell.Faults.Add(new FaultRule(Fault.ServerError, Times: 1, PathPrefix: "/create-agent"));

        var failed = Assert.IsType<ProvisioningOutcome.Failed>(await ProvisionAsync(salon));
        Assert.Equal("Der Telefonanbieter ist gerade nicht erreichbar. Bitte später erneut versuchen.", failed.Message);
        Assert.Single(LlmsOf(salon));
        Assert.Empty(AgentsOf(salon));
        var half = await RowAsync(salon);
        Assert.True(half is { AgentId: null, ProvisionedAt: null, IsProvisioned: false });
        Assert.Equal(failed.Message, half!.LastError);
        var validation = await app.AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<ValidateSetup>().RunAsync(default));
        Assert.Contains(validation.Blocking, p => p.Code == "agent-not-provisioned");

        var retried = Assert.IsType<ProvisioningOutcome.Provisioned>(await ProvisionAsync(salon));
        Assert.Equal(half.LlmId, retried.LlmId);
        Assert.Single(LlmsOf(salon));
        Assert.Single(AgentsOf(salon));
        Assert.Null((await RowAsync(salon))!.LastError);
    }

    [Theory]
    [InlineData(Fault.Unauthorized, "API-Schlüssel")]
    [InlineData(Fault.Unprocessable, "abgelehnt (Meldung des Anbieters: „Cannot find requested asset under given api key.“)")]
    [InlineData(Fault.Hang, "nicht rechtzeitig geantwortet")]
    [InlineData(Fault.TooManyRequests, "Zu viele Anfragen")]
    public async Task A_refusal_or_a_timeout_is_told_in_german_and_leaves_nothing_on_retell(Fault fault, string german)
    {
        var salon = await app.SalonAsync();
        Retell.Faults.Add(new FaultRule(fault, Times: 1, PathPrefix: "/create-retell-llm"));

        var failed = Assert.IsType<ProvisioningOutcome.Failed>(await ProvisionAsync(salon));
        Assert.Contains(german, failed.Message);
        Assert.Empty(LlmsOf(salon));
        Assert.Empty(AgentsOf(salon));
        var row = await RowAsync(salon);
        Assert.True(row is { LlmId: null, AgentId: null, IsProvisioned: false });
        Assert.Equal(failed.Message, row!.LastError);
    }

    [Fact]
    public async Task A_refused_agent_keeps_the_llm_for_the_retry_and_nothing_is_live()
    {
        var salon = await app.SalonAsync();
        Retell.Faults.Add(new FaultRule(Fault.Unprocessable, Times: 1, PathPrefix: "/create-agent", Message: "voice_id not found"));
        var failed = Assert.IsType<ProvisioningOutcome.Failed>(await ProvisionAsync(salon));
        Assert.Contains("voice_id not found", failed.Message);
        Assert.Empty(AgentsOf(salon));
        var llm = Assert.Single(LlmsOf(salon));
        Assert.Equal(llm["llm_id"]!.GetValue<string>(), (await RowAsync(salon))!.LlmId);

        Assert.IsType<ProvisioningOutcome.Provisioned>(await ProvisionAsync(salon));
        Assert.Single(LlmsOf(salon));
        Assert.Single(AgentsOf(salon));
    }

    [Fact]
    public async Task An_agent_made_by_a_create_whose_answer_was_lost_is_adopted_not_doubled()
    {
        var salon = await app.SalonAsync();
        Retell.Faults.Add(new FaultRule(Fault.DoThenHang, Times: 1, PathPrefix: "/create-agent"));
        var failed = Assert.IsType<ProvisioningOutcome.Failed>(await ProvisionAsync(salon));
        Assert.Equal(PlatformFailure.Timeout, failed.Error.Failure);
        var made = Assert.Single(AgentsOf(salon)); // Retell has it; we do not know its id
        Assert.Null((await RowAsync(salon))!.AgentId);

        var retried = Assert.IsType<ProvisioningOutcome.Provisioned>(await ProvisionAsync(salon));
        Assert.Equal(made["agent_id"]!.GetValue<string>(), retried.AgentId);
        Assert.Single(AgentsOf(salon));
        Assert.Single(LlmsOf(salon));
    }

    [Fact]
    public async Task New_opening_hours_reach_the_agents_prompt()
    {
        var salon = await app.SalonAsync();
        Assert.IsType<ProvisioningOutcome.Provisioned>(await ProvisionAsync(salon));
        var b = salon.Branch;
        var details = new BranchDetails(b.Name, b.Street, b.PostalCode, b.City, b.CountryCode, b.Region, b.TimeZoneId, null,
            [.. b.OpeningHours, WeeklyInterval.Of(DayOfWeek.Tuesday, "10:00", "16:00")], [], []);
        var saved = await app.AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<SaveBranch>().RunAsync(b.Id, details, "portal:owner", default));
        Assert.IsType<DirectoryOutcome.Saved>(saved);

        var prompt = await Eventually.Async("the new hours in the LLM's prompt",
            () => Task.FromResult(Assert.Single(LlmsOf(salon))["general_prompt"]!.GetValue<string>()),
            p => p.Contains("Dienstag: 10:00–16:00 Uhr"));
        Assert.Contains("Montag: 09:00–12:00 Uhr, 13:00–18:00 Uhr", prompt);
        Assert.Single(AgentsOf(salon));
        var llmId = (await RowAsync(salon))!.LlmId;
        Assert.Contains(Retell.Requests, r => r.Method == "PATCH" && r.Path == "/update-retell-llm/" + llmId);
    }
}
