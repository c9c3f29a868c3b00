using System.Net;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.AspNetCore.Routing;
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
    private static readonly string[] Public = ["/not-found", "/error", "/account/login", "/account/forgot-password", "/account/reset-password", "/account/denied",
        "/signup", "/account/confirm-email", "/book/{TenantKey}", "/waitlist/{Token}", "/portal"];

    /// <summary>Pages about one record, checked with an own and another company's id below.</summary>
    private static readonly string[] WithIds = ["/calls/{Id:guid}", "/customers/{Id:guid}"];

    /// <summary>Who may call an endpoint that is not a page.</summary>
    public enum Rule
    {
        /// <summary>Anyone (health probes, the booking page's script, the magic link, switching language).</summary>
        Anonymous,
        /// <summary>Only with the provider's signature (Retell, Cal.com): 401 without.</summary>
        Signed,
        /// <summary>Only with a company's API key: 401 without.</summary>
        ApiKey,
        /// <summary>Only with the customer portal's cookie: 401 without.</summary>
        Customer,
        /// <summary>A signed-in company admin (a platform admin after choosing a company); anonymous → login.</summary>
        CompanyAdmin,
        /// <summary>A signed-in platform admin; anonymous → login (401 under /health).</summary>
        PlatformAdmin,
        /// <summary>Only in Development (the dev outbox); not mapped in production.</summary>
        DevOnly,
        /// <summary>Blazor's own plumbing (circuit hub, scripts).</summary>
        Framework,
    }

    /// <summary>Every endpoint that is not a page, "METHOD pattern" → who may call it.</summary>
    private static readonly Dictionary<string, Rule> Endpoints = new()
    {
        ["ANY /health/live"] = Rule.Anonymous,
        ["ANY /health/ready"] = Rule.Anonymous,
        ["GET /health/detailed"] = Rule.PlatformAdmin,
        ["GET /openapi/{documentName}.json"] = Rule.Anonymous,
        ["POST /api/retell/functions"] = Rule.Signed,
        ["POST /api/webhooks/retell"] = Rule.Signed,
        ["POST /api/webhooks/calcom/{tenantKey}"] = Rule.Signed,
        ["GET /api/v1/branches"] = Rule.ApiKey,
        ["GET /api/v1/branches/{id}"] = Rule.ApiKey,
        ["GET /api/v1/services"] = Rule.ApiKey,
        ["GET /api/v1/services/{id}"] = Rule.ApiKey,
        ["GET /api/v1/staff"] = Rule.ApiKey,
        ["GET /api/v1/staff/{id}"] = Rule.ApiKey,
        ["GET /api/v1/customers"] = Rule.ApiKey,
        ["GET /api/v1/customers/{id}"] = Rule.ApiKey,
        ["POST /api/v1/customers"] = Rule.ApiKey,
        ["PATCH /api/v1/customers/{id}"] = Rule.ApiKey,
        ["GET /api/v1/appointments"] = Rule.ApiKey,
        ["GET /api/v1/appointments/{id}"] = Rule.ApiKey,
        ["POST /api/v1/appointments"] = Rule.ApiKey,
        ["POST /api/v1/appointments/{id}/reschedule"] = Rule.ApiKey,
        ["POST /api/v1/appointments/{id}/cancel"] = Rule.ApiKey,
        ["PATCH /api/v1/appointments/{id}"] = Rule.ApiKey,
        ["DELETE /api/v1/appointments/{id}"] = Rule.ApiKey,
        ["GET /api/v1/calls"] = Rule.ApiKey,
        ["GET /api/v1/calls/{id}"] = Rule.ApiKey,
        ["POST /account/logout"] = Rule.Anonymous,
        ["POST /account/select-company"] = Rule.PlatformAdmin,
        ["GET /culture/set"] = Rule.Anonymous,
        ["GET /book/{tenantKey}/embed.js"] = Rule.Anonymous,
        ["GET /customers/{id:guid}/export"] = Rule.CompanyAdmin,
        ["GET /audit/export.csv"] = Rule.CompanyAdmin,
        ["GET /portal/signin"] = Rule.Anonymous,
        ["GET /portal/signout"] = Rule.Anonymous,
        ["GET /portal/appointments/{id:guid}/calendar.ics"] = Rule.Customer,
        ["GET /portal/my-data.json"] = Rule.Customer,
        ["GET /dev/outbox.json"] = Rule.DevOnly,
        ["GET /dev/outbox/{id:guid}/{fileName}"] = Rule.DevOnly,
    };

    /// <summary>The running app's own list of endpoints (minimal API routes and the pages' @page
    /// routes, from its <see cref="EndpointDataSource"/>): each needs a rule above, so a new route
    /// cannot slip in without someone deciding who may call it.</summary>
    [Fact]
    public void Every_endpoint_of_the_running_app_has_a_rule()
    {
        var (pages, others) = AppEndpoints();
        Assert.Contains("/account/login", pages);
        Assert.Contains("POST /api/webhooks/retell", others);
        var missing = pages.Where(r => !Pages.ContainsKey(r) && !Public.Contains(r) && !WithIds.Contains(r))
            .Concat(others.Where(e => !Endpoints.ContainsKey(e) && !IsFramework(e))).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a rule in the access table: " + string.Join(", ", missing));
        var stale = Pages.Keys.Concat(Public).Concat(WithIds).Where(r => !pages.Contains(r))
            .Concat(Endpoints.Keys.Where(e => !others.Contains(e))).ToList();
        Assert.True(stale.Count == 0, "Rules for endpoints the app no longer has: " + string.Join(", ", stale));
    }

    /// <summary>Without the credential its rule asks for, every endpoint refuses: the API without a
    /// key and signed endpoints without a signature are 401, admin endpoints send to the login, and
    /// the anonymous ones answer without a server error.</summary>
    [Fact]
    public async Task Every_endpoint_refuses_a_caller_without_its_credential()
    {
        using var anonymous = PortalSession.Anonymous(app.BaseAddress);
        var wrong = new List<string>();
        foreach (var (endpoint, rule) in Endpoints.Where(e => e.Value is not Rule.DevOnly and not Rule.Framework))
        {
            var method = endpoint[..endpoint.IndexOf(' ')].Replace("ANY", "GET");
            var path = Concrete(endpoint[(method.Length + 1)..]);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PATCH")
                request.Content = path.StartsWith("/account/") ? new FormUrlEncodedContent(new Dictionary<string, string> { ["companyId"] = Guid.NewGuid().ToString() })
                    : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await anonymous.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.ToString() ?? "";
            var ok = rule switch
            {
                Rule.Signed or Rule.ApiKey or Rule.Customer => status == 401,
                Rule.CompanyAdmin or Rule.PlatformAdmin => status == 401 || (status == 302 && location.Contains("/account/login")),
                _ => status < 500 && status != 401 && status != 403,
            };
            if (!ok) wrong.Add($"{endpoint} ({rule}): {status} {location}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private (List<string> Pages, List<string> Others) AppEndpoints()
    {
        var endpoints = Support.AppEndpoints.Of(app.Services);
        return (endpoints.Where(e => e.IsPage).Select(e => e.Key).ToList(), endpoints.Where(e => !e.IsPage).Select(e => e.Key).ToList());
    }

    private static bool IsFramework(string endpoint) => Support.AppEndpoints.IsFramework(endpoint);

    private static string Concrete(string pattern) => pattern
        .Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{id}", Guid.NewGuid().ToString())
        .Replace("{tenantKey}", DemoData.Salon.TenantKey).Replace("{documentName}", "v1");

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
