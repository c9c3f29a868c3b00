using System.Net;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Accounts;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Accounts;

/// <summary>Changing a member's role (CompanyAdmin ↔ CompanyStaff) in the real app over real HTTP
/// sign-ins: the old cookie stops working once its security stamp is checked, the next sign-in
/// carries the new role (a promoted colleague reaches the settings, a demoted one is refused
/// them); one's own role, the last admin, another company's user and an unknown role change nothing.</summary>
public sealed class TeamRoleTests : IDisposable
{
    private readonly FixedClock _clock = new(BookingApp.Start);
    private readonly AppHost _app;

    public TeamRoleTests() => _app = new AppHost([], _clock);

    public void Dispose() => _app.Dispose();

    private async Task<TeamOutcome> ChangeRoleAsync(string companyKey, string userId, string role, string actor)
    {
        var company = await _app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == companyKey).Select(c => c.Id).SingleAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(company));
        return await scope.ServiceProvider.GetRequiredService<TeamMembers>().ChangeRoleAsync(userId, role, actor, default);
    }

    private Task<string> UserIdAsync(string email) => _app.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<string[]> RolesAsync(string userId) => _app.ReadAsync(db =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToArrayAsync());

    private static async Task AssertAnswerAsync(PortalSession session, string path, string? sentTo)
    {
        var (status, location) = await session.GetAsync(path);
        Assert.True(sentTo is null ? status == HttpStatusCode.OK : status == HttpStatusCode.Redirect && location?.Contains(sentTo) == true,
            $"{path}: expected {sentTo ?? "the page"}, got {(int)status} {location}");
    }

    [Fact]
    public async Task A_promoted_colleague_reaches_the_settings_and_a_demoted_one_loses_them()
    {
        var (staff, admin) = (await UserIdAsync(DemoData.SalonTeamEmail), await UserIdAsync(DemoData.Salon.AdminEmail));
        using var before = await PortalSession.SignInAsync(_app.BaseAddress, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword);
        await AssertAnswerAsync(before, "/settings/team", "/account/denied");

        Assert.Equal(TeamOutcome.Done, await ChangeRoleAsync(DemoData.Salon.TenantKey, staff, Roles.CompanyAdmin, admin));
        Assert.Equal([Roles.CompanyAdmin], await RolesAsync(staff));
        var audit = await _app.ReadAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "team.role"));
        Assert.Equal((admin, staff, "CompanyStaff → CompanyAdmin"), (audit.Actor, audit.EntityId, audit.Details));

        // The old cookie's stamp is checked after a minute: it no longer matches, the sign-in is over.
        _clock.Now = _clock.Now.AddMinutes(2);
        await AssertAnswerAsync(before, "/calendar", "/account/login");
        using var promoted = await PortalSession.SignInAsync(_app.BaseAddress, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword);
        await AssertAnswerAsync(promoted, "/settings/team", null);
        await AssertAnswerAsync(promoted, "/audit", null);

        // And back: the second admin is demoted by the first, and loses the settings.
        Assert.Equal(TeamOutcome.Done, await ChangeRoleAsync(DemoData.Salon.TenantKey, staff, Roles.CompanyStaff, admin));
        _clock.Now = _clock.Now.AddMinutes(2);
        await AssertAnswerAsync(promoted, "/settings/team", "/account/login");
        using var demoted = await PortalSession.SignInAsync(_app.BaseAddress, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword);
        foreach (var settings in new[] { "/settings/team", "/settings/branches", "/audit", "/audit/export.csv" })
            await AssertAnswerAsync(demoted, settings, "/account/denied");
        await AssertAnswerAsync(demoted, "/calendar", null);
        Assert.Equal([Roles.CompanyStaff], await RolesAsync(staff));
    }

    [Fact]
    public async Task Own_role_last_admin_another_companys_user_and_an_unknown_role_change_nothing()
    {
        var (staff, admin) = (await UserIdAsync(DemoData.SalonTeamEmail), await UserIdAsync(DemoData.Salon.AdminEmail));
        var praxisAdmin = await UserIdAsync(DemoData.Praxis.AdminEmail);
        var platform = await UserIdAsync(DemoData.PlatformEmail);

        Assert.Equal(TeamOutcome.OwnRole, await ChangeRoleAsync(DemoData.Salon.TenantKey, admin, Roles.CompanyStaff, admin));
        // A platform admin acting for the salon may not take away its only admin.
        Assert.Equal(TeamOutcome.LastAdminRole, await ChangeRoleAsync(DemoData.Salon.TenantKey, admin, Roles.CompanyStaff, platform));
        Assert.Equal(TeamOutcome.NotFound, await ChangeRoleAsync(DemoData.Salon.TenantKey, praxisAdmin, Roles.CompanyStaff, admin));
        Assert.Equal(TeamOutcome.NotFound, await ChangeRoleAsync(DemoData.Salon.TenantKey, "'; DROP TABLE AspNetUsers;--", Roles.CompanyAdmin, admin));
        Assert.Equal(TeamOutcome.InvalidRole, await ChangeRoleAsync(DemoData.Salon.TenantKey, staff, Roles.PlatformAdmin, admin));
        Assert.Equal(TeamOutcome.InvalidRole, await ChangeRoleAsync(DemoData.Salon.TenantKey, staff, "", admin));

        Assert.Equal([Roles.CompanyAdmin], await RolesAsync(admin));
        Assert.Equal([Roles.CompanyStaff], await RolesAsync(staff));
        Assert.Equal([Roles.CompanyAdmin], await RolesAsync(praxisAdmin));
        Assert.False(await _app.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "team.role")));
    }

    /// <summary>The stamp check renews the cookie from the account every minute; a platform admin's
    /// chosen company (a claim of the sign-in only) survives it.</summary>
    [Fact]
    public async Task A_platform_admins_chosen_company_survives_the_cookies_stamp_check()
    {
        var salon = await _app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        using var platform = await PortalSession.SignInAsync(_app.BaseAddress, DemoData.PlatformEmail, DemoData.PlatformPassword);
        await AssertAnswerAsync(platform, "/settings/team", "/account/denied");
        var (status, _) = await platform.PostFormAsync("/platform/companies", "/account/select-company", new() { ["companyId"] = salon.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, status);
        await AssertAnswerAsync(platform, "/settings/team", null);
        _clock.Now = _clock.Now.AddMinutes(2);
        await AssertAnswerAsync(platform, "/settings/team", null);
        _clock.Now = _clock.Now.AddMinutes(2);
        await AssertAnswerAsync(platform, "/calendar", null);
    }
}
