using System.Net;
using System.Reflection;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Accounts;

/// <summary>Every portal page × every kind of user, over real HTTP with the real sign-in: staff
/// read the day's work but reach no settings page, a platform admin sees company data only after
/// choosing a company, nobody signed out sees anything, and another company's ids are 404.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class RouteAccessTests(AppHost app)
{
    public enum Who { Anonymous, Staff, Admin, Platform }

    private enum Answer { Page, Login, Denied }

    private const Answer P = Answer.Page, L = Answer.Login, D = Answer.Denied;

    /// <summary>What each kind of user gets on each page: (anonymous, staff, admin, platform admin without a company).</summary>
    private static readonly Dictionary<string, (Answer Anonymous, Answer Staff, Answer Admin, Answer Platform)> Pages = new()
    {
        ["/"] = (L, P, P, P),
        ["/appointments"] = (L, P, P, D),
        ["/calendar"] = (L, P, P, D),
        ["/customers"] = (L, P, P, D),
        ["/calls"] = (L, P, P, D),
        ["/waitlist"] = (L, P, P, D),
        ["/simulator"] = (L, D, P, D),
        ["/onboarding"] = (L, D, P, D),
        ["/settings/api-keys"] = (L, D, P, D),
        ["/settings/branches"] = (L, D, P, D),
        ["/settings/services"] = (L, D, P, D),
        ["/settings/staff"] = (L, D, P, D),
        ["/settings/online-booking"] = (L, D, P, D),
        ["/settings/calendar"] = (L, D, P, D),
        ["/settings/messages"] = (L, D, P, D),
        ["/settings/team"] = (L, D, P, D),
        ["/audit"] = (L, D, P, D),
        ["/operations/inbox"] = (L, D, P, P),
        ["/operations/health"] = (L, D, D, P),
        ["/platform/companies"] = (L, D, D, P),
        ["/account/change-password"] = (L, P, P, P),
        ["/dev/mail"] = (L, P, P, P),
    };

    /// <summary>Pages for everyone (signing in, a forgotten password).</summary>
    private static readonly string[] Public = ["/not-found", "/account/login", "/account/forgot-password", "/account/reset-password", "/account/denied",
        "/signup", "/account/confirm-email", "/book/{TenantKey}", "/waitlist/{Token}", "/portal"];

    /// <summary>Pages about one record, checked with an own and another company's id below.</summary>
    private static readonly string[] WithIds = ["/calls/{Id:guid}", "/customers/{Id:guid}"];

    [Fact]
    public void Every_page_of_the_app_is_in_the_access_table()
    {
        var routes = typeof(AskPro.Web.Composition).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).ToList();
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !Pages.ContainsKey(r) && !Public.Contains(r) && !WithIds.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Pages without an entry in the access table: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(Who.Anonymous)]
    [InlineData(Who.Staff)]
    [InlineData(Who.Admin)]
    [InlineData(Who.Platform)]
    public async Task Each_page_answers_each_kind_of_user_as_the_table_says(Who who)
    {
        using var session = await SignInAsync(who);
        var wrong = new List<string>();
        foreach (var (path, expected) in Pages)
        {
            var want = who switch { Who.Anonymous => expected.Anonymous, Who.Staff => expected.Staff, Who.Admin => expected.Admin, _ => expected.Platform };
            var (status, location) = await session.GetAsync(path);
            var got = status == HttpStatusCode.OK ? Answer.Page
                : status == HttpStatusCode.Redirect && location?.Contains("/account/login") == true ? Answer.Login
                : status == HttpStatusCode.Redirect && location?.Contains("/account/denied") == true ? Answer.Denied
                : (Answer?)null;
            if (got != want) wrong.Add($"{path}: expected {want}, got {(int)status} {location}");
        }
        Assert.True(wrong.Count == 0, $"{who}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(Who.Staff)]
    [InlineData(Who.Admin)]
    public async Task Another_companys_record_is_not_found(Who who)
    {
        Task<Guid> CallOf(string tenantKey) => app.ReadAsync(db =>
            db.Calls.Where(c => db.Companies.Any(x => x.Id == c.CompanyId && x.TenantKey == tenantKey)).Select(c => c.Id).FirstAsync());
        var (own, foreign) = (await CallOf(DemoData.Salon.TenantKey), await CallOf(DemoData.Praxis.TenantKey));
        using var session = await SignInAsync(who);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/calls/{own}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/calls/{foreign}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/calls/{Guid.NewGuid()}")).Status);

        Task<Guid> CustomerOf(string tenantKey) => app.ReadAsync(db =>
            db.Customers.Where(c => db.Companies.Any(x => x.Id == c.CompanyId && x.TenantKey == tenantKey)).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var (ownCustomer, foreignCustomer) = (await CustomerOf(DemoData.Salon.TenantKey), await CustomerOf(DemoData.Praxis.TenantKey));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/customers/{ownCustomer}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/customers/{foreignCustomer}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/customers/{Guid.NewGuid()}")).Status);
    }

    /// <summary>The downloads behind the pages: the GDPR export and the audit CSV are company
    /// admins' (staff are refused, nobody signed out gets anything, a platform admin only after
    /// choosing a company), and another company's customer is 404.</summary>
    [Theory]
    [InlineData(Who.Anonymous, "/account/login")]
    [InlineData(Who.Staff, "/account/denied")]
    [InlineData(Who.Platform, "/account/denied")]
    [InlineData(Who.Admin, null)]
    public async Task Exports_are_for_company_admins_only(Who who, string? sentTo)
    {
        Task<Guid> CustomerOf(string tenantKey) => app.ReadAsync(db =>
            db.Customers.Where(c => db.Companies.Any(x => x.Id == c.CompanyId && x.TenantKey == tenantKey)).OrderByDescending(c => c.Name).Select(c => c.Id).FirstAsync());
        var (own, foreign) = (await CustomerOf(DemoData.Salon.TenantKey), await CustomerOf(DemoData.Praxis.TenantKey));
        using var session = await SignInAsync(who);

        foreach (var path in new[] { $"/customers/{own}/export", "/audit/export.csv" })
        {
            var (status, location) = await session.GetAsync(path);
            Assert.True(sentTo is null ? status == HttpStatusCode.OK : status == HttpStatusCode.Redirect && location?.Contains(sentTo) == true,
                $"{who} on {path}: {(int)status} {location}");
        }
        if (sentTo is not null) return;
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/customers/{foreign}/export")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.GetAsync("/audit/export.csv?from=31.02.2026")).Status);
    }

    private Task<PortalSession> SignInAsync(Who who) => who switch
    {
        Who.Anonymous => Task.FromResult(PortalSession.Anonymous(app.BaseAddress)),
        Who.Staff => PortalSession.SignInAsync(app.BaseAddress, DemoData.SalonTeamEmail, DemoData.SalonTeamPassword),
        Who.Admin => PortalSession.SignInAsync(app.BaseAddress, DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword),
        _ => PortalSession.SignInAsync(app.BaseAddress, DemoData.PlatformEmail, DemoData.PlatformPassword),
    };
}
