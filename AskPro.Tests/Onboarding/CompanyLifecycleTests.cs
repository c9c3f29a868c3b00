using System.Net;
using System.Text;
using System.Text.Json;
using AskPro.Core.Directory;
using AskPro.Core.Onboarding;
using AskPro.Core.Onboarding.GoLive;
using AskPro.Core.Onboarding.ReactivateCompany;
using AskPro.Core.Onboarding.SuspendCompany;
using AskPro.Core.Tenancy;
using AskPro.Core.Telephony.Provisioning;
using AskPro.Infrastructure.Telephony;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Onboarding;

/// <summary>Draft → Active → Suspended → Active through the use cases, and what a caller to the
/// company's number meets at each status, through the real signed endpoints.</summary>
[Collection(BookingAppCollection.Name)]
public sealed class CompanyLifecycleTests(BookingApp app)
{
    private const string Key = "askpro-demo-retell-key";

    /// <summary>A complete salon (branch, hours, service, stylist, number) of its own, in Draft.</summary>
    private async Task<SalonData> DraftSalonAsync(bool withAgent)
    {
        var key = "life-" + Guid.NewGuid().ToString("N")[..8];
        var number = "+4930555" + Random.Shared.Next(70000, 79999);
        var salon = TenantWorld.Salon(key, number, "+4915112345678");
        salon.Company.Status = CompanyStatus.Draft;
        await using var scope = app.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: seed draft salon");
        var db = scope.ServiceProvider.GetRequiredService<AskPro.Infrastructure.Persistence.AskProDbContext>();
        db.Companies.Add(salon.Company);
        db.AddRange(salon.Rows.Where(r => withAgent || r.Key != typeof(VoiceAgent)).Select(r => r.Value));
        await db.SaveChangesAsync();
        return salon;
    }

    private async Task<T> AsTenantAsync<T>(Guid company, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(company));
        return await work(scope.ServiceProvider);
    }

    private async Task<T> AsPlatformAdminAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static object Booking => new { dienstleistung = "Herrenhaarschnitt", datum = "14.12.2026", uhrzeit = "10:00", name = "Max Muster" };

    private async Task<JsonElement> CallAsync(string function, object args, string to, string callType)
    {
        var body = RetellClient.Body(function, args, "call_life_" + Guid.NewGuid().ToString("N"), to, "+4915199990000").Replace("\"phone_call\"", $"\"{callType}\"");
        var response = await app.Retell.SendAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> InboundAsync(string to)
    {
        var body = $"{{\"event\":\"call_inbound\",\"call_inbound\":{{\"agent_id\":\"a\",\"from_number\":\"+4917055550001\",\"to_number\":\"{to}\"}}}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/retell") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(RetellSignature.Header, FakeRetell.Sign(body, Key, app.Clock.Now));
        var response = await app.Host.ApiClient(null).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("call_inbound").GetProperty("dynamic_variables").Clone();
    }

    private Task<int> AppointmentsAsync(Guid company) => app.ReadAsync(db => db.Appointments.CountAsync(a => a.CompanyId == company));

    [Fact]
    public async Task A_draft_companys_number_is_answered_politely_and_never_books()
    {
        var salon = await DraftSalonAsync(withAgent: true);
        var number = salon.Number.Number.Value;
        var before = await AppointmentsAsync(salon.Company.Id);

        var reply = await CallAsync("book_appointment", Booking, number, "phone_call");
        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Equal("not_live", reply.GetProperty("status").GetString());
        Assert.StartsWith("Diese Rufnummer ist noch nicht freigeschaltet", reply.GetProperty("message").GetString());
        Assert.Equal(before, await AppointmentsAsync(salon.Company.Id));
        Assert.Equal(1, await app.ReadAsync(db => db.Calls.CountAsync(c => c.CompanyId == salon.Company.Id))); // only the seeded call: nothing recorded

        var inbound = await InboundAsync(number);
        Assert.Equal("nein", inbound.GetProperty("freigeschaltet").GetString());
        Assert.StartsWith("Diese Rufnummer ist noch nicht freigeschaltet", inbound.GetProperty("hinweis").GetString());
        Assert.Equal(salon.Company.Name, inbound.GetProperty("firma").GetString());

        // The wizard's test call (a web call signed with the installation's key) is served.
        var test = await CallAsync("list_services", new { }, number, "web_call");
        Assert.True(test.GetProperty("success").GetBoolean(), test.ToString());
        Assert.Contains("Herrenhaarschnitt", test.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Going_live_is_refused_with_the_steps_to_fix_then_serves_callers_and_is_audited()
    {
        var salon = await DraftSalonAsync(withAgent: false);
        var refused = await AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<GoLive>().RunAsync("portal:owner", default));
        var notReady = Assert.IsType<LifecycleOutcome.NotReady>(refused);
        var problem = Assert.Single(notReady.Validation.Blocking);
        Assert.Equal(("agent-not-provisioned", SetupSteps.Agent), (problem.Code, problem.Step));
        Assert.Contains(notReady.Validation.Warnings, w => w.Code == "no-closures" && w.Step == SetupSteps.Hours);
        Assert.Contains(notReady.Validation.Warnings, w => w.Code == "staff-without-email" && w.Step == SetupSteps.Staff);
        Assert.Equal(CompanyStatus.Draft, await StatusAsync(salon.Company.Id));

        await AsTenantAsync(salon.Company.Id, async s =>
        {
            var db = s.GetRequiredService<AskPro.Infrastructure.Persistence.AskProDbContext>();
            db.VoiceAgents.Add(salon.Agent);
            return await db.SaveChangesAsync();
        });
        var live = await AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<GoLive>().RunAsync("portal:owner", default));
        Assert.Equal(new LifecycleOutcome.Changed(CompanyStatus.Active), live);
        var again = await AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<GoLive>().RunAsync("portal:owner", default));
        Assert.IsType<LifecycleOutcome.NotAllowed>(again);

        var reply = await CallAsync("book_appointment", Booking, salon.Number.Number.Value, "phone_call");
        Assert.Equal("booked", reply.GetProperty("status").GetString());
        Assert.Equal("ja", (await InboundAsync(salon.Number.Number.Value)).GetProperty("freigeschaltet").GetString());
        var audit = await app.ReadAsync(db => db.AuditEntries.Where(a => a.CompanyId == salon.Company.Id && a.Action == "company.go-live").ToListAsync());
        Assert.Equal("portal:owner", Assert.Single(audit).Actor);
        Assert.NotNull(await app.ReadAsync(db => db.Companies.Where(c => c.Id == salon.Company.Id).Select(c => c.WentLiveAt).SingleAsync()));
    }

    [Fact]
    public async Task A_suspended_company_is_refused_until_reactivated_and_both_are_audited()
    {
        var salon = await DraftSalonAsync(withAgent: true);
        Assert.IsType<LifecycleOutcome.Changed>(await AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<GoLive>().RunAsync("portal:owner", default)));

        Assert.IsType<LifecycleOutcome.NotAllowed>(await AsPlatformAdminAsync(s => s.GetRequiredService<SuspendCompany>().RunAsync(salon.Company.Id, "  ", "portal:platform", default)));
        Assert.Equal(CompanyStatus.Active, await StatusAsync(salon.Company.Id));
        var suspended = await AsPlatformAdminAsync(s => s.GetRequiredService<SuspendCompany>().RunAsync(salon.Company.Id, "Rechnung offen", "portal:platform", default));
        Assert.Equal(new LifecycleOutcome.Changed(CompanyStatus.Suspended), suspended);

        var before = await AppointmentsAsync(salon.Company.Id);
        Assert.Equal("not_live", (await CallAsync("book_appointment", Booking, salon.Number.Number.Value, "phone_call")).GetProperty("status").GetString());
        Assert.Equal("not_live", (await CallAsync("book_appointment", Booking, salon.Number.Number.Value, "web_call")).GetProperty("status").GetString());
        Assert.Equal("nein", (await InboundAsync(salon.Number.Number.Value)).GetProperty("freigeschaltet").GetString());
        Assert.Equal(before, await AppointmentsAsync(salon.Company.Id));
        // The owner cannot lift it by going live again.
        Assert.IsType<LifecycleOutcome.NotAllowed>(await AsTenantAsync(salon.Company.Id, s => s.GetRequiredService<GoLive>().RunAsync("portal:owner", default)));

        var back = await AsPlatformAdminAsync(s => s.GetRequiredService<ReactivateCompany>().RunAsync(salon.Company.Id, "portal:platform", default));
        Assert.Equal(new LifecycleOutcome.Changed(CompanyStatus.Active), back);
        Assert.Equal("ja", (await InboundAsync(salon.Number.Number.Value)).GetProperty("freigeschaltet").GetString());

        var audit = await app.ReadAsync(db => db.AuditEntries.Where(a => a.CompanyId == salon.Company.Id && a.Action.StartsWith("company.")).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
        Assert.Equal(["company.go-live", "company.suspend", "company.reactivate"], audit.Select(a => a.Action));
        Assert.Equal("Rechnung offen", audit[1].Details);
        Assert.All(audit.Skip(1), a => Assert.Equal("portal:platform", a.Actor));
    }

    [Fact]
    public async Task A_company_suspended_during_onboarding_returns_to_draft_and_unknown_ids_are_not_found()
    {
        var salon = await DraftSalonAsync(withAgent: true);
        await AsPlatformAdminAsync(s => s.GetRequiredService<SuspendCompany>().RunAsync(salon.Company.Id, "Prüfung", "portal:platform", default));
        var back = await AsPlatformAdminAsync(s => s.GetRequiredService<ReactivateCompany>().RunAsync(salon.Company.Id, "portal:platform", default));
        Assert.Equal(new LifecycleOutcome.Changed(CompanyStatus.Draft), back);
        Assert.IsType<LifecycleOutcome.NotFound>(await AsPlatformAdminAsync(s => s.GetRequiredService<SuspendCompany>().RunAsync(Guid.NewGuid(), "x", "portal:platform", default)));
    }

    private Task<CompanyStatus> StatusAsync(Guid company) => app.ReadAsync(db => db.Companies.Where(c => c.Id == company).Select(c => c.Status).SingleAsync());
}
