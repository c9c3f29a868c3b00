using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Calendars.CalCom.Connect;
using AskPro.Infrastructure.Security;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Calendars;

/// <summary>The settings command behind /settings/calendar, in the real app against a fake
/// Cal.com over real HTTP: bad input and another company's ids change nothing, and a wrong key
/// never replaces a working one.</summary>
public sealed class CalComConnectionSettingsTests : IAsyncLifetime
{
    private readonly AppHost _app = new();
    private FakeCalComServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon());

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _fake.DisposeAsync();
    }

    private async Task<T> AsSalonAsync<T>(Func<CalComConnectionSettings, Task<T>> act)
    {
        var salon = await CompanyAsync(DemoData.Salon.TenantKey);
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(salon));
        return await act(scope.ServiceProvider.GetRequiredService<CalComConnectionSettings>());
    }

    /// <summary>The signed-in admin's id, as the page passes it for the audit.</summary>
    private const string Admin = "admin-4711";

    private Task<Guid> CompanyAsync(string tenantKey) => _app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == tenantKey).Select(c => c.Id).SingleAsync());

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://api.cal.com/v2")]
    [InlineData("http://api.cal.com/v2")]
    [InlineData("https://user:secret@api.cal.com/v2")]
    [InlineData("https://api.cal.com/v2?x=1")]
    [InlineData("api.cal.com/v2")]
    [InlineData("'; DROP TABLE CalComSettings; --")]
    [InlineData("")]
    public async Task A_base_url_that_is_not_https_is_refused_before_anything_is_sent(string baseUrl)
    {
        var result = await AsSalonAsync(s => s.ConnectAsync(baseUrl, FakeCalendar.DemoApiKey, Admin, CancellationToken.None));

        Assert.Equal(ConnectOutcome.InvalidBaseUrl, result.Outcome);
        Assert.Empty(_fake.Calendar.Seen);
        Assert.Equal(0, await _app.ReadAsync(db => db.CalComSettings.CountAsync()));
    }

    [Fact]
    public async Task A_missing_or_huge_key_is_refused_and_a_wrong_key_never_replaces_a_working_one()
    {
        var url = _fake.BaseUrl.ToString();
        Assert.Equal(ConnectOutcome.MissingKey, (await AsSalonAsync(s => s.ConnectAsync(url, "  ", Admin, CancellationToken.None))).Outcome);
        Assert.Equal(ConnectOutcome.MissingKey, (await AsSalonAsync(s => s.ConnectAsync(url, new string('k', 600), Admin, CancellationToken.None))).Outcome);
        Assert.False(await AsSalonAsync(s => s.UseCalComAsync(true, Admin, CancellationToken.None))); // nothing to switch to yet
        Assert.Equal(ConnectOutcome.Saved, (await AsSalonAsync(s => s.ConnectAsync(url, FakeCalendar.DemoApiKey, Admin, CancellationToken.None))).Outcome);

        var wrong = await AsSalonAsync(s => s.ConnectAsync(url, "falscher-schluessel", Admin, CancellationToken.None));

        Assert.Equal(ConnectOutcome.Refused, wrong.Outcome);
        Assert.Contains("API-Schlüssel abgelehnt", wrong.Error!.StaffMessage);
        var stored = await _app.ReadAsync(db => db.CalComSettings.SingleAsync());
        Assert.Equal(FakeCalendar.DemoApiKey, _app.Services.GetRequiredService<SecretProtector>().Unprotect(stored.ApiKeyProtected));
    }

    [Fact]
    public async Task Another_companys_service_or_staff_member_is_not_mapped()
    {
        var praxis = await CompanyAsync(DemoData.Praxis.TenantKey);
        var (foreignService, before) = await _app.ReadAsync(db => db.Services.Where(s => s.CompanyId == praxis)
            .Select(s => new ValueTuple<Guid, int?>(s.Id, s.CalComEventTypeId)).FirstAsync());
        var foreignStaff = await _app.ReadAsync(db => db.Staff.Where(s => s.CompanyId == praxis).Select(s => s.Id).FirstAsync());
        var salon = await CompanyAsync(DemoData.Salon.TenantKey);
        var ownService = await _app.ReadAsync(db => db.Services.Where(s => s.CompanyId == salon).Select(s => s.Id).FirstAsync());
        var ownStaff = await _app.ReadAsync(db => db.Staff.Where(s => s.CompanyId == salon).Select(s => s.Id).FirstAsync());

        Assert.False(await AsSalonAsync(s => s.MapServiceAsync(foreignService, 104, Admin, CancellationToken.None)));
        Assert.False(await AsSalonAsync(s => s.MapStaffAsync(foreignStaff, ownService, 104, Admin, CancellationToken.None)));
        Assert.False(await AsSalonAsync(s => s.MapStaffAsync(ownStaff, foreignService, 104, Admin, CancellationToken.None)));
        Assert.False(await AsSalonAsync(s => s.MapServiceAsync(ownService, -5, Admin, CancellationToken.None)));
        Assert.True(await AsSalonAsync(s => s.MapServiceAsync(ownService, 104, Admin, CancellationToken.None)));

        Assert.Equal(before, await _app.ReadAsync(db => db.Services.Where(s => s.Id == foreignService).Select(s => s.CalComEventTypeId).SingleAsync()));
        Assert.Equal(0, await _app.ReadAsync(db => db.CalComStaffEventTypes.CountAsync()));
        Assert.Equal(104, await _app.ReadAsync(db => db.Services.Where(s => s.Id == ownService).Select(s => s.CalComEventTypeId).SingleAsync()));
    }

    private Task<List<Core.Operations.AuditEntry>> AuditAsync(Guid company) =>
        _app.ReadAsync(db => db.AuditEntries.Where(a => a.CompanyId == company && a.Action.StartsWith("calcom.")).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Every_settings_change_is_audited_with_who_made_it_and_never_the_key()
    {
        var salon = await CompanyAsync(DemoData.Salon.TenantKey);
        var url = _fake.BaseUrl.ToString();
        _fake.Calendar.ApiKeys.Add("zweiter-schluessel-0815");
        var service = await _app.ReadAsync(db => db.Services.Where(s => s.CompanyId == salon).Select(s => s.Id).FirstAsync());
        var staff = await _app.ReadAsync(db => db.Staff.Where(s => s.CompanyId == salon).Select(s => s.Id).FirstAsync());

        Assert.Equal(ConnectOutcome.Saved, (await AsSalonAsync(s => s.ConnectAsync(url, FakeCalendar.DemoApiKey, Admin, CancellationToken.None))).Outcome);
        Assert.Equal(ConnectOutcome.Saved, (await AsSalonAsync(s => s.ConnectAsync(url, "zweiter-schluessel-0815", Admin, CancellationToken.None))).Outcome);
        Assert.Equal(ConnectOutcome.Refused, (await AsSalonAsync(s => s.ConnectAsync(url, "falscher-schluessel", Admin, CancellationToken.None))).Outcome);
        Assert.True(await AsSalonAsync(s => s.MapServiceAsync(service, 104, Admin, CancellationToken.None)));
        Assert.True(await AsSalonAsync(s => s.MapStaffAsync(staff, service, 103, Admin, CancellationToken.None)));
        Assert.True(await AsSalonAsync(s => s.UseCalComAsync(true, Admin, CancellationToken.None)));
        Assert.True((await AsSalonAsync(s => s.RegisterWebhookAsync(Admin, CancellationToken.None)))!.Value.Ok);
        Assert.Equal(AccountOutcome.Saved, (await AsSalonAsync(s => s.SaveAccountAsync(null, "kunden.salon.example", Admin, CancellationToken.None))).Outcome);

        var audit = await AuditAsync(salon);
        Assert.Equal(["calcom.connect", "calcom.key.replace", "calcom.map.service", "calcom.map.staff", "calcom.calendar.choose", "calcom.webhook.register", "calcom.account"],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Admin, a.Actor));
        Assert.All(audit, a => Assert.DoesNotContain("schluessel", a.Details));
        Assert.All(audit, a => Assert.DoesNotContain(FakeCalendar.DemoApiKey, a.Details));
        Assert.Contains("→ 104", audit.Single(a => a.Action == "calcom.map.service").Details);
        Assert.Equal(service.ToString(), audit.Single(a => a.Action == "calcom.map.service").EntityId);
        Assert.Contains("→ 103", audit.Single(a => a.Action == "calcom.map.staff").Details);
        Assert.Contains("Cal.com", audit.Single(a => a.Action == "calcom.calendar.choose").Details);
        Assert.Contains("kunden.salon.example", audit.Single(a => a.Action == "calcom.account").Details);

        // Saving what is already stored changes nothing and writes nothing.
        Assert.True(await AsSalonAsync(s => s.MapServiceAsync(service, 104, Admin, CancellationToken.None)));
        Assert.True(await AsSalonAsync(s => s.UseCalComAsync(true, Admin, CancellationToken.None)));
        Assert.Equal(audit.Count, (await AuditAsync(salon)).Count);
    }

    [Fact]
    public async Task Registering_the_webhook_again_replaces_the_old_subscription_in_Cal_com()
    {
        var salon = await CompanyAsync(DemoData.Salon.TenantKey);
        Assert.Equal(ConnectOutcome.Saved, (await AsSalonAsync(s => s.ConnectAsync(_fake.BaseUrl.ToString(), FakeCalendar.DemoApiKey, Admin, CancellationToken.None))).Outcome);

        var first = (await AsSalonAsync(s => s.RegisterWebhookAsync(Admin, CancellationToken.None)))!.Value.Value!;
        var second = (await AsSalonAsync(s => s.RegisterWebhookAsync(Admin, CancellationToken.None)))!.Value.Value!;

        Assert.Equal(second.Id, Assert.Single(_fake.Calendar.Webhooks).Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Contains(_fake.Calendar.Seen, r => r.Method == "DELETE" && r.Path == $"/v2/webhooks/{first.Id}");
        Assert.Equal(second.Id, await _app.ReadAsync(db => db.CalComSettings.Where(c => c.CompanyId == salon).Select(c => c.WebhookSubscriptionId).SingleAsync()));

        // One deleted in Cal.com already (by hand) is what was wanted: the new one is stored all the same.
        _fake.Calendar.RemoveWebhook(second.Id);
        var third = (await AsSalonAsync(s => s.RegisterWebhookAsync(Admin, CancellationToken.None)))!.Value.Value!;
        Assert.Equal(third.Id, Assert.Single(_fake.Calendar.Webhooks).Id);
        Assert.Contains($"altes Abonnement {second.Id} gelöscht", (await AuditAsync(salon)).Last().Details);

        // Cal.com refuses the new subscription: the old one stays, in Cal.com and here.
        _fake.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 1, Method: "POST", PathPrefix: "/v2/webhooks"));
        Assert.False((await AsSalonAsync(s => s.RegisterWebhookAsync(Admin, CancellationToken.None)))!.Value.Ok);
        Assert.Equal(third.Id, Assert.Single(_fake.Calendar.Webhooks).Id);
        Assert.Equal(third.Id, await _app.ReadAsync(db => db.CalComSettings.Where(c => c.CompanyId == salon).Select(c => c.WebhookSubscriptionId).SingleAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kunden")]
    [InlineData("kunde@salon.de")]
    [InlineData("https://salon.de")]
    [InlineData("kunden .salon.de")]
    [InlineData("<script>.de")]
    [InlineData("'; DROP TABLE CalComSettings; --")]
    [InlineData("-kunden.salon.de")]
    [InlineData("salon.de/pfad")]
    public async Task An_alias_domain_that_is_not_a_host_name_is_refused_and_nothing_changes(string domain)
    {
        var salon = await CompanyAsync(DemoData.Salon.TenantKey);
        Assert.Equal(ConnectOutcome.Saved, (await AsSalonAsync(s => s.ConnectAsync(_fake.BaseUrl.ToString(), FakeCalendar.DemoApiKey, Admin, CancellationToken.None))).Outcome);

        Assert.Equal(AccountOutcome.InvalidDomain, (await AsSalonAsync(s => s.SaveAccountAsync(null, domain, Admin, CancellationToken.None))).Outcome);

        Assert.Equal(Core.Calendars.CalComSettings.DefaultAliasEmailDomain,
            await _app.ReadAsync(db => db.CalComSettings.Where(c => c.CompanyId == salon).Select(c => c.AliasEmailDomain).SingleAsync()));
        Assert.DoesNotContain(await AuditAsync(salon), a => a.Action == "calcom.account");
    }

    [Fact]
    public async Task A_team_is_stored_only_once_Cal_com_lets_the_key_read_its_event_types_and_the_alias_domain_is_kept_lower_case()
    {
        var salon = await CompanyAsync(DemoData.Salon.TenantKey);
        _fake.Calendar.EventTypes.Add(new FakeEventType(901, "team-beratung", "Team-Beratung", 15, [new(14, "Team", "team@salon.demo")], TeamId: 77));
        Task<Core.Calendars.CalComSettings> StoredAsync() => _app.ReadAsync(db => db.CalComSettings.AsNoTracking().SingleAsync(c => c.CompanyId == salon));
        Assert.Equal(AccountOutcome.NotConnected, (await AsSalonAsync(s => s.SaveAccountAsync(77, "kunden.salon.de", Admin, CancellationToken.None))).Outcome);
        Assert.Equal(ConnectOutcome.Saved, (await AsSalonAsync(s => s.ConnectAsync(_fake.BaseUrl.ToString(), FakeCalendar.DemoApiKey, Admin, CancellationToken.None))).Outcome);

        Assert.Equal(AccountOutcome.InvalidTeam, (await AsSalonAsync(s => s.SaveAccountAsync(0, "kunden.salon.de", Admin, CancellationToken.None))).Outcome);
        Assert.Equal(AccountOutcome.InvalidTeam, (await AsSalonAsync(s => s.SaveAccountAsync(-3, "kunden.salon.de", Admin, CancellationToken.None))).Outcome);
        var refused = await AsSalonAsync(s => s.SaveAccountAsync(55, "kunden.salon.de", Admin, CancellationToken.None));
        Assert.Equal(AccountOutcome.TeamRefused, refused.Outcome);
        Assert.Null(refused.Error); // no access to the team, not an outage
        Assert.Null((await StoredAsync()).TeamId);
        Assert.Equal(Core.Calendars.CalComSettings.DefaultAliasEmailDomain, (await StoredAsync()).AliasEmailDomain);

        Assert.Equal(AccountOutcome.Saved, (await AsSalonAsync(s => s.SaveAccountAsync(77, " Kunden.Salon-Demo.DE ", Admin, CancellationToken.None))).Outcome);
        var stored = await StoredAsync();
        Assert.Equal(77, stored.TeamId);
        Assert.Equal("kunden.salon-demo.de", stored.AliasEmailDomain);
        var customer = Guid.NewGuid();
        Assert.Equal($"kunde-{customer:N}@kunden.salon-demo.de", stored.AliasFor(customer));
        Assert.Equal("Team-Beratung", Assert.Single((await AsSalonAsync(s => s.EventTypesAsync(CancellationToken.None)))!.Value.Value!).Title);

        // Back to the account's own event types.
        Assert.Equal(AccountOutcome.Saved, (await AsSalonAsync(s => s.SaveAccountAsync(null, "kunden.salon-demo.de", Admin, CancellationToken.None))).Outcome);
        Assert.Null((await StoredAsync()).TeamId);
        Assert.Contains("Team 77 → (eigene Ereignistypen)", (await AuditAsync(salon)).Last().Details);
    }
}
