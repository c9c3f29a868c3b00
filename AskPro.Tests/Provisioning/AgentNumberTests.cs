using System.Net;
using System.Text;
using System.Text.Json;
using AskPro.Core.Directory;
using AskPro.Core.Shared;
using AskPro.Core.Telephony.PhoneNumbers;
using AskPro.Core.Telephony.PhoneNumbers.BuyNumber;
using AskPro.Core.Telephony.PhoneNumbers.ImportNumber;
using AskPro.Core.Telephony.Provisioning.ProvisionAgent;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Provisioning;

/// <summary>A branch's number for the phone agent, imported over SIP or bought, through the fake
/// Retell: bound to the branch's agent, stored once across the installation, and another
/// company's number refused with nothing saved and nothing sent.</summary>
public sealed class AgentNumberTests(ProvisioningApp app) : IClassFixture<ProvisioningApp>, IDisposable
{
    public void Dispose() => app.Retell.Workspace.Faults.Clear();

    private async Task<(SalonData Salon, string AgentId)> ProvisionedSalonAsync()
    {
        var salon = await app.SalonAsync();
        var outcome = await app.AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<ProvisionAgent>().RunAsync(salon.Branch.Id, default));
        return (salon, Assert.IsType<ProvisioningOutcome.Provisioned>(outcome).AgentId);
    }

    private Task<NumberOutcome> ImportAsync(SalonData salon, NumberImportRequest request) =>
        app.AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<ImportNumber>().RunAsync(salon.Branch.Id, request, "portal:owner", default));

    private Task<List<PhoneNumber>> NumbersOfAsync(SalonData salon) => app.ReadAsync(db => db.PhoneNumbers.AsNoTracking().Where(p => p.CompanyId == salon.Company.Id).ToListAsync());

    private static string NewGermanNumber(out string typed)
    {
        var digits = Random.Shared.Next(1000000, 9999999).ToString();
        typed = $"030 {digits[..3]} {digits[3..]}";
        return "+4930" + digits;
    }

    [Fact]
    public async Task An_imported_number_is_bound_to_the_branchs_agent_and_reaches_the_branch()
    {
        var (salon, agentId) = await ProvisionedSalonAsync();
        var e164 = NewGermanNumber(out var typed);

        var outcome = await ImportAsync(salon, new NumberImportRequest(typed, "salon.sip-anbieter.de", "salon", "geheim-123"));
        Assert.Equal(new NumberOutcome.Assigned(E164Number.Parse(e164)), outcome);

        var onRetell = app.Retell.Workspace.PhoneNumbers[e164];
        Assert.Equal(agentId, onRetell["inbound_agent_id"]!.GetValue<string>());
        Assert.Equal("salon.sip-anbieter.de", onRetell["termination_uri"]!.GetValue<string>());
        Assert.Equal("salon", onRetell["sip_trunk_auth_username"]!.GetValue<string>());
        Assert.Equal(ProvisioningApp.PublicBase + "/api/webhooks/retell", onRetell["inbound_webhook_url"]!.GetValue<string>());
        var sent = app.Retell.Workspace.Requests.Single(r => r.Path == "/import-phone-number" && r.Body!["phone_number"]!.GetValue<string>() == e164);
        Assert.Equal("geheim-123", sent.Body!["sip_trunk_auth_password"]!.GetValue<string>()); // passed on …

        var stored = Assert.Single(await NumbersOfAsync(salon), n => n.Number.Value == e164);
        Assert.Equal((salon.Branch.Id, agentId, PhoneNumberOrigin.Imported, "salon.sip-anbieter.de"), (stored.BranchId, stored.RetellAgentId, stored.Origin, stored.SipTerminationUri));
        var audit = await app.ReadAsync(db => db.AuditEntries.SingleAsync(a => a.CompanyId == salon.Company.Id && a.Action == "phone-number.import"));
        Assert.DoesNotContain(e164, audit.Details);
        foreach (var file in new[] { app.Host.DatabasePath, app.Host.DatabasePath + "-wal" }.Where(File.Exists)) // … never stored
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            Assert.DoesNotContain("geheim-123", await reader.ReadToEndAsync());
        }

        // Calls to the new number find the branch (a Draft company: answered politely).
        var body = $"{{\"event\":\"call_inbound\",\"call_inbound\":{{\"agent_id\":\"{agentId}\",\"from_number\":\"+4917055550002\",\"to_number\":\"{e164}\"}}}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, FakeRetell.Sign(body, FakeRetell.DemoKey, DateTimeOffset.UtcNow));
        var response = await app.Host.ApiClient(null).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var variables = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("call_inbound").GetProperty("dynamic_variables");
        Assert.Equal(salon.Company.Name, variables.GetProperty("firma").GetString());
        Assert.Equal("nein", variables.GetProperty("freigeschaltet").GetString());

        // Importing it again for the same branch changes nothing.
        Assert.IsType<NumberOutcome.Assigned>(await ImportAsync(salon, new NumberImportRequest(e164, "salon.sip-anbieter.de")));
        Assert.Single(await NumbersOfAsync(salon), n => n.Number.Value == e164);
    }

    [Fact]
    public async Task Another_companys_number_is_refused_in_german_with_nothing_saved_or_sent()
    {
        var (salon, _) = await ProvisionedSalonAsync();
        var before = await NumbersOfAsync(salon);
        var requests = app.Retell.Workspace.Requests.Count;

        var outcome = Assert.IsType<NumberOutcome.Invalid>(await ImportAsync(salon, new NumberImportRequest("030 555 01000", "salon.sip-anbieter.de"))); // the demo salon's
        Assert.Equal(("number", "Diese Rufnummer ist bereits einem anderen Betrieb zugeordnet. Bitte prüfen Sie die Nummer oder wenden Sie sich an den AskPro-Support."),
            (outcome.Errors[0].Field, outcome.Errors[0].Message));
        Assert.Equal(before.Count, (await NumbersOfAsync(salon)).Count);
        Assert.Equal(requests, app.Retell.Workspace.Requests.Count);
        Assert.False(app.Retell.Workspace.PhoneNumbers.ContainsKey("+493055501000"));
    }

    [Fact]
    public async Task The_database_refuses_a_second_company_the_same_number()
    {
        var (first, _) = await ProvisionedSalonAsync();
        var e164 = NewGermanNumber(out var typed);
        Assert.IsType<NumberOutcome.Assigned>(await ImportAsync(first, new NumberImportRequest(typed, "a.sip-anbieter.de")));

        // Past the friendly check (as a company racing the first would be): the unique index holds.
        var (second, _) = await ProvisionedSalonAsync();
        var added = await app.AsTenantAsync(second.Company.Id, s => s.GetRequiredService<IAgentNumberStore>().AddAsync(
            new PhoneNumber { Number = E164Number.Parse(e164), BranchId = second.Branch.Id }, new() { Actor = "test", Action = "phone-number.import", EntityType = "PhoneNumber" }, default));
        Assert.False(added);
        Assert.DoesNotContain(await NumbersOfAsync(second), n => n.Number.Value == e164);
        Assert.False(await app.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.CompanyId == second.Company.Id && a.Action == "phone-number.import")));
    }

    [Theory]
    [InlineData("12ab", "salon.sip-anbieter.de", "number")]
    [InlineData("+49 30 1234567", "salon.sip'; DROP TABLE PhoneNumbers;--", "terminationUri")]
    [InlineData("+49 30 1234567", "", "terminationUri")]
    public async Task Bad_input_is_refused_per_field_with_nothing_sent(string number, string trunk, string field)
    {
        var (salon, _) = await ProvisionedSalonAsync();
        var requests = app.Retell.Workspace.Requests.Count;
        var outcome = Assert.IsType<NumberOutcome.Invalid>(await ImportAsync(salon, new NumberImportRequest(number, trunk)));
        Assert.Equal(field, Assert.Single(outcome.Errors).Field);
        Assert.Equal(requests, app.Retell.Workspace.Requests.Count);
        Assert.Single(await NumbersOfAsync(salon)); // the seeded one only
    }

    [Fact]
    public async Task A_number_needs_the_branchs_agent_first()
    {
        var salon = await app.SalonAsync();
        var outcome = Assert.IsType<NumberOutcome.Invalid>(await ImportAsync(salon, new NumberImportRequest("+49 30 7654321", "salon.sip-anbieter.de")));
        Assert.Equal("agent", Assert.Single(outcome.Errors).Field);
    }

    [Fact]
    public async Task A_bought_number_is_bound_and_stored_and_a_german_area_code_is_explained()
    {
        var (salon, agentId) = await ProvisionedSalonAsync();
        var german = Assert.IsType<NumberOutcome.Invalid>(await app.AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<BuyNumber>().RunAsync(salon.Branch.Id, "030", "portal:owner", default)));
        Assert.Contains("importieren", german.Errors[0].Message);

        var bought = Assert.IsType<NumberOutcome.Assigned>(await app.AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<BuyNumber>().RunAsync(salon.Branch.Id, "415", "portal:owner", default)));
        Assert.StartsWith("+1415", bought.Number.Value);
        Assert.Equal(agentId, app.Retell.Workspace.PhoneNumbers[bought.Number.Value]["inbound_agent_id"]!.GetValue<string>());
        Assert.Equal(415, app.Retell.Workspace.Requests.Last(r => r.Path == "/create-phone-number").Body!["area_code"]!.GetValue<int>());
        var stored = Assert.Single(await NumbersOfAsync(salon), n => n.Number == bought.Number);
        Assert.Equal(PhoneNumberOrigin.Bought, stored.Origin);
    }

    [Fact]
    public async Task A_number_left_on_retell_by_a_lost_answer_is_taken_over_on_retry()
    {
        var (salon, agentId) = await ProvisionedSalonAsync();
        var e164 = NewGermanNumber(out _);
        app.Retell.Workspace.PhoneNumbers[e164] = new System.Text.Json.Nodes.JsonObject { ["phone_number"] = e164, ["termination_uri"] = "salon.sip-anbieter.de" };

        Assert.IsType<NumberOutcome.Assigned>(await ImportAsync(salon, new NumberImportRequest(e164, "salon.sip-anbieter.de")));
        Assert.Equal(agentId, app.Retell.Workspace.PhoneNumbers[e164]["inbound_agent_id"]!.GetValue<string>());
        Assert.Single(await NumbersOfAsync(salon), n => n.Number.Value == e164);
    }
}
