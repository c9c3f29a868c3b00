using AskPro.Tests.CustomerPortal;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The sibling of <see cref="StoredScriptBrowserTests"/> for the names people are shown
/// by: a team member's (invited on the team page, signed up, invited from the onboarding wizard)
/// and a customer's own details in the portal. Where the rules take markup, the database holds it
/// verbatim and every page that shows it shows it as text (see <see cref="StoredMarkup"/>); where
/// they refuse it, the refusal is in German and nothing is stored.</summary>
public sealed class StoredScriptInAccountsBrowserTests : IDisposable
{
    private const string Markup = StoredMarkup.Payload;

    private readonly BookingApp _app = StoredMarkup.App();

    private readonly StoredMarkup _markup = new();

    public void Dispose() => _app.Dispose();

    /// <summary>The team's invitation: a name with markup is not a person's name, so the member is
    /// shown by their address (as for an empty name) and no markup is stored; an address whose quoted
    /// local part carries markup is valid but cannot be an Identity user name, so it is refused in
    /// German as unusable for a login (it was answered, wrongly, with "already has a login") and no
    /// account is created.</summary>
    [BrowserFact]
    public async Task Markup_in_a_team_invitation_is_refused_or_replaced_by_the_address_and_never_shown_as_markup()
    {
        const string Email = "sophie.kraus@salon.demo", MarkupEmail = "\"" + Markup + "\"@salon.demo";
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/settings/team");
        await browser.WaitForCircuitAsync();

        await FillAsync(page, "team-email", MarkupEmail);
        await FillAsync(page, "team-name", "Sophie Kraus");
        await page.GetByTestId("team-invite").ClickAsync();
        await Expect(page.GetByTestId("team-error")).ToContainTextAsync("kann nicht für einen Zugang verwendet werden");
        await _markup.InertAsync(page, "/settings/team refused address");
        Assert.False(await _app.ReadAsync(db => db.Users.AnyAsync(u => u.Email!.Contains("data-xss"))));

        await FillAsync(page, "team-email", Email);
        await FillAsync(page, "team-name", "Sophie " + Markup);
        await page.GetByTestId("team-invite").ClickAsync();
        var row = page.GetByTestId("team-grid").Locator("tr", new() { HasText = Email });
        await Expect(row.GetByTestId("team-status")).ToContainTextAsync("Eingeladen");
        await Expect(page.GetByTestId("team-error")).ToHaveCountAsync(0);
        await _markup.InertAsync(page, "/settings/team invited");
        var invited = await _app.ReadAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(Email, invited);
        Assert.False(await _app.ReadAsync(db => db.Users.AnyAsync(u => u.DisplayName!.Contains("data-xss"))));

        _markup.AssertNone(browser);
    }

    /// <summary>The names a team member is shown by where the directory's rules apply rather than a
    /// person's name: the owner's name (and the company's) typed at sign-up, and a colleague invited
    /// from the onboarding wizard's staff step under the staff member's name. Both are stored
    /// verbatim and are text in the app bar, the wizard, the team list, the platform's company list
    /// and, for the colleague, in their own app bar after accepting the invitation.</summary>
    [BrowserFact]
    public async Task Markup_in_a_signed_up_owners_name_and_an_invited_colleagues_name_is_text_wherever_the_team_is_shown()
    {
        const string Company = "Salon " + Markup, Owner = "Lina " + Markup, Colleague = "Anna " + Markup, Password = "Kollegin!2026x";
        var owner = $"inhaberin-{Guid.NewGuid():N}@salon-markup.example";
        var colleague = $"anna-{Guid.NewGuid():N}@salon-markup.example";
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        var wizard = new WizardDriver(browser);

        await SignUpFlow.SubmitAsync(page, Company, Owner, owner);
        await Expect(page.GetByTestId("signup-sent")).ToBeVisibleAsync();
        await _markup.InertAsync(page, "/signup sent");
        var stored = await _app.ReadAsync(db => db.Users.Where(u => u.Email == owner).Join(db.Companies, u => u.CompanyId, c => c.Id, (u, c) => new { u.DisplayName, c.Name }).SingleAsync());
        Assert.Equal((Owner, Company), (stored.DisplayName, stored.Name));
        await page.GotoAsync(SignUpFlow.LinkIn(await SignUpFlow.MailToAsync(_app.Host.BaseAddress, owner, "bestätigen")));
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(Company);
        await Expect(page.GetByTestId("user-name")).ToContainTextAsync(Owner);
        await _markup.InertAsync(page, "/onboarding");

        await wizard.CompanyAsync();
        await wizard.BranchAsync();
        await wizard.ServicesAsync();
        await page.GetByTestId("staff-row").First.GetByTestId("staff-invite").CheckAsync();
        // An address that cannot be a login is said before anyone is saved, not skipped in silence.
        var row = page.GetByTestId("staff-row").First;
        await wizard.FillAsync(row.GetByTestId("staff-name"), Colleague);
        await wizard.FillAsync(row.GetByTestId("staff-email"), "\"" + Markup + "\"@salon-markup.example");
        await row.GetByTestId("staff-services").GetByLabel("Herrenhaarschnitt", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("staff-save").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("kann nicht für einen Zugang verwendet werden");
        await _markup.InertAsync(page, "/onboarding staff step, refused address");
        Assert.False(await _app.ReadAsync(db => db.Staff.AnyAsync(s => s.Name == Colleague)));
        await row.GetByTestId("staff-services").GetByLabel("Herrenhaarschnitt", new() { Exact = true }).UncheckAsync();
        await wizard.StaffAsync(Colleague, colleague, "Herrenhaarschnitt");
        await _markup.InertAsync(page, "/onboarding after the staff step");
        Assert.Equal(Colleague, await _app.ReadAsync(db => db.Users.Where(u => u.Email == colleague).Select(u => u.DisplayName).SingleAsync()));

        await page.GotoAsync("/settings/team");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("team-grid").Locator("tr", new() { HasText = owner })).ToContainTextAsync(Owner);
        await Expect(page.GetByTestId("team-grid").Locator("tr", new() { HasText = colleague })).ToContainTextAsync(Colleague);
        await _markup.InertAsync(page, "/settings/team");

        // The colleague, in a browser of their own: the mailed link, a password, the sign-in.
        await using (var invited = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000))
        {
            await invited.Page.GotoAsync(SignUpFlow.LinkIn(await SignUpFlow.MailToAsync(_app.Host.BaseAddress, colleague, "Einladung")));
            await invited.Page.GetByTestId("new-password").FillAsync(Password);
            await invited.Page.GetByTestId("reset-submit").ClickAsync();
            await Expect(invited.Page.GetByTestId("reset-done")).ToBeVisibleAsync();
            await invited.LogInAsync(colleague, Password);
            await invited.WaitForCircuitAsync();
            await Expect(invited.Page.GetByTestId("user-name")).ToContainTextAsync(Colleague);
            await Expect(invited.Page.GetByTestId("company-name")).ToHaveTextAsync(Company);
            await _markup.InertAsync(invited.Page, "the colleague's first page");
            _markup.AssertNone(invited);
        }

        await browser.LogOutAsync();
        await browser.LogInAsync(DemoData.PlatformEmail, DemoData.PlatformPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/platform/companies");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("companies-grid")).ToContainTextAsync(Company);
        await _markup.InertAsync(page, "/platform/companies");

        _markup.AssertNone(browser);
    }

    /// <summary>The customer's own details in the portal: a name with markup is refused in German
    /// and the stored name stays; an e-mail address whose quoted local part carries markup is valid,
    /// stored verbatim and shown as text in the portal and on the company's customer pages.</summary>
    [BrowserFact]
    public async Task Markup_in_a_customers_own_details_is_refused_as_a_name_and_text_as_an_address()
    {
        const string Email = "\"" + Markup + "selbst\"@example.org";
        var world = new CustomerPortalWorld(_app.Host);
        var mine = await world.BookAsync(DemoData.Salon.TenantKey, "Selma Selbst", "selma@example.org", "+4915170002077", new DateTime(2026, 12, 15, 9, 0, 0, DateTimeKind.Utc));
        var (_, link) = await world.RequestLinkAsync(DemoData.Salon.TenantKey, "selma@example.org", "selma@example.org", mine.Id);

        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        await page.GotoAsync(link!);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("details-name")).ToHaveValueAsync("Selma Selbst");

        await FillAsync(page, "details-name", "Selma " + Markup);
        await page.GetByTestId("details-save").ClickAsync();
        await Expect(page.GetByTestId("details-error")).ToContainTextAsync("Bitte geben Sie Ihren Namen an");
        await _markup.InertAsync(page, "/portal refused name");
        var kept = await _app.ReadAsync(db => db.Customers.Where(c => c.Id == mine.CustomerId).Select(c => new { c.Name, c.Email }).SingleAsync());
        Assert.Equal(("Selma Selbst", "selma@example.org"), (kept.Name, kept.Email));

        await FillAsync(page, "details-name", "Selma Selbst");
        await FillAsync(page, "details-email", Email);
        await page.GetByTestId("details-save").ClickAsync();
        await Expect(page.GetByTestId("portal-notice")).ToContainTextAsync("Ihre Angaben sind gespeichert");
        Assert.Equal(Email, await _app.ReadAsync(db => db.Customers.Where(c => c.Id == mine.CustomerId).Select(c => c.Email).SingleAsync()));
        await page.ReloadAsync();
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("details-email")).ToHaveValueAsync(Email);
        await _markup.InertAsync(page, "/portal after saving");

        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/customers");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("customer-search").FillAsync("Selma Selbst");
        await page.GetByTestId("customer-find").ClickAsync();
        await Expect(page.GetByTestId("customers-grid").Locator("tbody tr", new() { HasText = "Selma Selbst" })).ToContainTextAsync(Email);
        await _markup.InertAsync(page, "/customers search");
        await page.GotoAsync($"/customers/{mine.CustomerId}");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("edit-email")).ToHaveValueAsync(Email);
        await _markup.InertAsync(page, $"/customers/{mine.CustomerId}");

        _markup.AssertNone(browser);
    }

    /// <summary>MudBlazor fields bind when the input loses focus.</summary>
    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }
}
