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
        var result = await AsSalonAsync(s => s.ConnectAsync(baseUrl, FakeCalendar.DemoApiKey, CancellationToken.None));

        Assert.Equal(ConnectOutcome.InvalidBaseUrl, result.Outcome);
        Assert.Empty(_fake.Calendar.Seen);
        Assert.Equal(0, await _app.ReadAsync(db => db.CalComSettings.CountAsync()));
    }

    [Fact]
    public async Task A_missing_or_huge_key_is_refused_and_a_wrong_key_never_replaces_a_working_one()
    {
        var url = _fake.BaseUrl.ToString();
        Assert.Equal(ConnectOutcome.MissingKey, (await AsSalonAsync(s => s.ConnectAsync(url, "  ", CancellationToken.None))).Outcome);
        Assert.Equal(ConnectOutcome.MissingKey, (await AsSalonAsync(s => s.ConnectAsync(url, new string('k', 600), CancellationToken.None))).Outcome);
        Assert.False(await AsSalonAsync(s => s.UseCalComAsync(true, CancellationToken.None))); // nothing to switch to yet
        Assert.Equal(ConnectOutcome.Saved, (await AsSalonAsync(s => s.ConnectAsync(url, FakeCalendar.DemoApiKey, CancellationToken.None))).Outcome);

        var wrong = await AsSalonAsync(s => s.ConnectAsync(url, "falscher-schluessel", CancellationToken.None));

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

        Assert.False(await AsSalonAsync(s => s.MapServiceAsync(foreignService, 104, CancellationToken.None)));
        Assert.False(await AsSalonAsync(s => s.MapStaffAsync(foreignStaff, ownService, 104, CancellationToken.None)));
        Assert.False(await AsSalonAsync(s => s.MapStaffAsync(ownStaff, foreignService, 104, CancellationToken.None)));
        Assert.False(await AsSalonAsync(s => s.MapServiceAsync(ownService, -5, CancellationToken.None)));
        Assert.True(await AsSalonAsync(s => s.MapServiceAsync(ownService, 104, CancellationToken.None)));

        Assert.Equal(before, await _app.ReadAsync(db => db.Services.Where(s => s.Id == foreignService).Select(s => s.CalComEventTypeId).SingleAsync()));
        Assert.Equal(0, await _app.ReadAsync(db => db.CalComStaffEventTypes.CountAsync()));
        Assert.Equal(104, await _app.ReadAsync(db => db.Services.Where(s => s.Id == ownService).Select(s => s.CalComEventTypeId).SingleAsync()));
    }
}
