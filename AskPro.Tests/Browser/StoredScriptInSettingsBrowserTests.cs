using AskPro.Tests.CustomerPortal;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The sibling of <see cref="StoredScriptBrowserTests"/> for the texts not covered there:
/// a branch's name, address and closure reason, a staff member's absence note, a team member's
/// name (invited on the team page, signed up, invited from the onboarding wizard) and a customer's
/// own details in the portal. Each is typed with markup into its real
/// form; where the rules take it, the database holds it verbatim and every page that shows it shows
/// it as text (0 elements marked <c>data-xss</c>, no <c>window.__xss</c>, no console errors);
/// where the rules refuse it, the refusal is in German and nothing is stored.</summary>
public sealed class StoredScriptInSettingsBrowserTests : IDisposable
{
    private const string Markup = "<b data-xss>fett</b><img data-xss src=x onerror=window.__xss=1>";

    private readonly BookingApp _app = new(new Dictionary<string, string?>
    {
        ["OnlineBooking:MinSecondsToSubmit"] = "0", ["CalCom:WarmupOnStart"] = "false", ["CalCom:WarmupCron"] = Calendars.CalComSalon.NoWarmup,
    });

    private readonly List<string> _problems = [];

    public void Dispose() => _app.Dispose();

    /// <summary>The branch (a name, a street, a closure reason — the directory takes any printable
    /// text) in the settings list, the staff page's branch choice, the calendar's heading and closed
    /// day, the message templates' e-mail preview (the one page that shows HTML, built from the
    /// address), the booking page's confirmation and the customer portal's appointment card.</summary>
    [BrowserFact]
    public async Task Markup_in_a_branch_name_address_and_closure_reason_is_text_on_every_page_that_shows_them()
    {
        const string Name = "Salon Sonnenschein Mitte " + Markup, Street = "Torstraße 101 " + Markup, Reason = "Betriebsferien " + Markup;
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();

        await page.GotoAsync("/settings/branches");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("branch-name")).ToHaveValueAsync(DemoData.Salon.BranchName); // the form is loaded: typing now is not overwritten
        await page.GetByTestId("branch-street").FillAsync(Street);
        await page.GetByTestId("branch-street").PressAsync("Tab");
        // The demo branch has its Christmas closure: wait for the added row, or Last would still be Christmas's.
        await Expect(page.GetByTestId("closure-row")).ToHaveCountAsync(1);
        await page.GetByTestId("closure-add").ClickAsync();
        await Expect(page.GetByTestId("closure-row")).ToHaveCountAsync(2);
        var closure = page.GetByTestId("closure-row").Nth(1);
        await closure.GetByTestId("closure-from").FillAsync("2026-12-17");
        await closure.GetByTestId("closure-to").FillAsync("2026-12-17");
        await closure.GetByTestId("closure-reason").FillAsync(Reason);
        await closure.GetByTestId("closure-reason").PressAsync("Tab");
        // The name last: the circuit applies changes in order, so once the heading shows it the fields above are applied too.
        await page.GetByTestId("branch-name").FillAsync(Name);
        await page.GetByTestId("branch-name").PressAsync("Tab");
        await Expect(page.GetByTestId("branch-form").Locator("h2").First).ToHaveTextAsync(Name);
        await page.GetByTestId("branch-save").ClickAsync();
        await Expect(page.GetByTestId("branch-list")).ToContainTextAsync(Name, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        await InertAsync(page, "/settings/branches");
        var branch = await _app.ReadAsync(db => db.Branches.AsNoTracking().SingleAsync(b => b.Name == Name));
        Assert.Equal((Street, Reason), (branch.Street, branch.Closures.Single(c => c.From == new DateOnly(2026, 12, 17)).Reason));
        Assert.Contains(branch.Closures, c => c.Reason == "Weihnachten"); // the existing closure untouched

        await page.GotoAsync("/settings/staff");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("staff-item").Filter(new() { HasText = "Anna Schmidt" }).ClickAsync();
        await page.GetByTestId("staff-branch").ClickAsync(); // the choice of branches opens in a popover
        await Expect(page.Locator(".mud-popover-open")).ToContainTextAsync(Name);
        await InertAsync(page, "/settings/staff branch choice");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/calendar");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("calendar-range")).ToContainTextAsync(Name);
        await page.GetByTestId("calendar-week").ClickAsync();
        for (var i = 0; i < 3; i++) await page.GetByTestId("calendar-next").ClickAsync(); // 23 Nov → the week of 14 Dec
        await Expect(page.Locator("[data-testid=calendar-day-head][data-day='2026-12-17']")).ToContainTextAsync(Reason);
        await Expect(page.GetByTestId("calendar-closed")).ToContainTextAsync(Reason);
        await InertAsync(page, "/calendar closed day");

        await page.GotoAsync("/settings/messages");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("template-preview-button").ClickAsync();
        await Expect(page.GetByTestId("template-preview-html")).ToContainTextAsync(Street);
        await InertAsync(page, "/settings/messages e-mail preview");

        await browser.LogOutAsync();
        await page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("service").First.ClickAsync();
        await page.GetByTestId("staff-any").ClickAsync();
        await page.GetByTestId("day").First.ClickAsync();
        await page.GetByTestId("slot").First.ClickAsync();
        await page.GetByTestId("book-name").FillAsync("Berta Buchung");
        await page.GetByTestId("book-phone").FillAsync("0151 / 234 567 89");
        await page.GetByTestId("book-email").FillAsync("berta@example.org");
        await page.GetByTestId("book-consent").ClickAsync();
        await page.GetByTestId("book-submit").ClickAsync();
        await Expect(page.GetByTestId("booked")).ToContainTextAsync(Street);
        await InertAsync(page, "/book confirmation");

        var appointment = await _app.ReadAsync(db => db.Appointments.Where(a => db.Customers.Any(c => c.Id == a.CustomerId && c.Email == "berta@example.org"))
            .Select(a => a.Id).SingleAsync());
        var (_, link) = await new CustomerPortalWorld(_app.Host).RequestLinkAsync(DemoData.Salon.TenantKey, "berta@example.org", "berta@example.org", appointment);
        await page.GotoAsync(link!);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("appointment-focused")).ToContainTextAsync(Name + ", " + Street);
        await InertAsync(page, "/portal appointment");

        AssertInert(browser);
    }

    /// <summary>The public booking page offers a choice of branches only when there are two: a new
    /// branch with markup in its name, with one staff member of its own, is a choice shown as text.</summary>
    [BrowserFact]
    public async Task Markup_in_a_second_branchs_name_is_text_in_the_booking_pages_branch_choice()
    {
        const string Name = "Filiale Nord " + Markup;
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();

        await page.GotoAsync("/settings/branches");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("branch-name")).ToHaveValueAsync(DemoData.Salon.BranchName);
        await page.GetByTestId("branch-new").ClickAsync();
        await Expect(page.GetByTestId("branch-form").Locator("h2").First).ToHaveTextAsync("Neue Filiale");
        // A new branch's heading does not show its name: the postal code last, and its region
        // suggestion on screen, shows the circuit has applied the fields typed before it.
        await FillAsync(page, "branch-name", Name);
        await FillAsync(page, "branch-street", "Nordstraße 1");
        await FillAsync(page, "branch-city", "Berlin");
        await FillAsync(page, "branch-postal", "13347");
        await Expect(page.GetByTestId("branch-region-suggest")).ToBeVisibleAsync();
        await page.GetByTestId("branch-save").ClickAsync();
        await Expect(page.GetByTestId("branch-list")).ToContainTextAsync(Name, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        await InertAsync(page, "/settings/branches new branch");
        var branch = await _app.ReadAsync(db => db.Branches.Where(b => b.Name == Name).Select(b => b.Id).SingleAsync());

        await page.GotoAsync("/settings/staff");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("staff-list")).ToContainTextAsync("Anna Schmidt");
        await page.GetByTestId("staff-new").ClickAsync();
        await FillAsync(page, "staff-name", "Nora Nord"); // first: the branch choice below waits for the page to show it, so the name is applied by then
        await page.GetByTestId("staff-services").GetByLabel("Herrenhaarschnitt", new() { Exact = true }).CheckAsync();
        await new WizardDriver(browser).SelectAsync("staff-branch", Name);
        await page.GetByTestId("staff-save").ClickAsync();
        await Expect(page.GetByTestId("staff-list")).ToContainTextAsync("Nora Nord", new() { Timeout = 15_000 });
        await InertAsync(page, "/settings/staff new staff member");
        Assert.Equal(branch, await _app.ReadAsync(db => db.Staff.Where(s => s.Name == "Nora Nord").Select(s => s.BranchId).SingleAsync()));

        await browser.LogOutAsync();
        await page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        var choice = page.GetByTestId("branch").Filter(new() { HasText = "Filiale Nord" });
        await Expect(choice).ToHaveTextAsync(Name);
        await choice.ClickAsync();
        await page.GetByTestId("service").Filter(new() { HasText = "Herrenhaarschnitt" }).ClickAsync();
        await Expect(page.GetByTestId("staff").Filter(new() { HasText = "Nora Nord" })).ToBeVisibleAsync(); // the choice took: the new branch's own staff
        await InertAsync(page, "/book branch choice");

        AssertInert(browser);
    }

    /// <summary>An absence's note (free text, at most 200 characters) in the staff page's absence
    /// list — the only place it is shown: the calendar shows the kind, and the audit leaves the note
    /// out (it may be about someone's health).</summary>
    [BrowserFact]
    public async Task Markup_in_an_absence_note_is_text_in_the_absence_list()
    {
        const string Note = "Kur " + Markup;
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();

        await page.GotoAsync("/settings/staff");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("staff-item").Filter(new() { HasText = "Anna Schmidt" }).ClickAsync();
        await Expect(page.GetByTestId("staff-name")).ToHaveValueAsync("Anna Schmidt");
        var absences = page.GetByTestId("absences");
        await absences.GetByTestId("absence-from").FillAsync("2026-12-21");
        await absences.GetByTestId("absence-to").FillAsync("2026-12-22");
        await absences.GetByTestId("absence-note").FillAsync(Note);
        await absences.GetByTestId("absence-note").PressAsync("Tab");
        await absences.GetByTestId("absence-add").ClickAsync();
        await Expect(absences.GetByTestId("absence-row").Filter(new() { HasText = "Kur " })).ToContainTextAsync(Note, new() { Timeout = 15_000 });
        await InertAsync(page, "/settings/staff absences");
        var anna = await _app.ReadAsync(db => db.Staff.AsNoTracking().SingleAsync(s => s.Name == "Anna Schmidt"));
        Assert.Equal(Note, Assert.Single(anna.Absences, a => a.Note.StartsWith("Kur ", StringComparison.Ordinal)).Note);

        // After a reload, from the database rather than from the circuit's memory.
        await page.ReloadAsync();
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("staff-item").Filter(new() { HasText = "Anna Schmidt" }).ClickAsync();
        await Expect(page.GetByTestId("absence-row").Filter(new() { HasText = "Kur " })).ToContainTextAsync(Note);
        await InertAsync(page, "/settings/staff absences after reload");

        AssertInert(browser);
    }

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
        await InertAsync(page, "/settings/team refused address");
        Assert.False(await _app.ReadAsync(db => db.Users.AnyAsync(u => u.Email!.Contains("data-xss"))));

        await FillAsync(page, "team-email", Email);
        await FillAsync(page, "team-name", "Sophie " + Markup);
        await page.GetByTestId("team-invite").ClickAsync();
        var row = page.GetByTestId("team-grid").Locator("tr", new() { HasText = Email });
        await Expect(row.GetByTestId("team-status")).ToContainTextAsync("Eingeladen");
        await Expect(page.GetByTestId("team-error")).ToHaveCountAsync(0);
        await InertAsync(page, "/settings/team invited");
        var invited = await _app.ReadAsync(db => db.Users.Where(u => u.Email == Email).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(Email, invited);
        Assert.False(await _app.ReadAsync(db => db.Users.AnyAsync(u => u.DisplayName!.Contains("data-xss"))));

        AssertInert(browser);
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
        await InertAsync(page, "/signup sent");
        var stored = await _app.ReadAsync(db => db.Users.Where(u => u.Email == owner).Join(db.Companies, u => u.CompanyId, c => c.Id, (u, c) => new { u.DisplayName, c.Name }).SingleAsync());
        Assert.Equal((Owner, Company), (stored.DisplayName, stored.Name));
        await page.GotoAsync(SignUpFlow.LinkIn(await SignUpFlow.MailToAsync(_app.Host.BaseAddress, owner, "bestätigen")));
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(Company);
        await Expect(page.GetByTestId("user-name")).ToContainTextAsync(Owner);
        await InertAsync(page, "/onboarding");

        await wizard.CompanyAsync();
        await wizard.BranchAsync();
        await wizard.ServicesAsync();
        await page.GetByTestId("staff-row").First.GetByTestId("staff-invite").CheckAsync();
        await wizard.StaffAsync(Colleague, colleague, "Herrenhaarschnitt");
        await InertAsync(page, "/onboarding after the staff step");
        Assert.Equal(Colleague, await _app.ReadAsync(db => db.Users.Where(u => u.Email == colleague).Select(u => u.DisplayName).SingleAsync()));

        await page.GotoAsync("/settings/team");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("team-grid").Locator("tr", new() { HasText = owner })).ToContainTextAsync(Owner);
        await Expect(page.GetByTestId("team-grid").Locator("tr", new() { HasText = colleague })).ToContainTextAsync(Colleague);
        await InertAsync(page, "/settings/team");

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
            await InertAsync(invited.Page, "the colleague's first page");
            AssertInert(invited);
        }

        await browser.LogOutAsync();
        await browser.LogInAsync(DemoData.PlatformEmail, DemoData.PlatformPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/platform/companies");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("companies-grid")).ToContainTextAsync(Company);
        await InertAsync(page, "/platform/companies");

        AssertInert(browser);
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
        await InertAsync(page, "/portal refused name");
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
        await InertAsync(page, "/portal after saving");

        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/customers");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("customer-search").FillAsync("Selma Selbst");
        await page.GetByTestId("customer-find").ClickAsync();
        await Expect(page.GetByTestId("customers-grid").Locator("tbody tr", new() { HasText = "Selma Selbst" })).ToContainTextAsync(Email);
        await InertAsync(page, "/customers search");
        await page.GotoAsync($"/customers/{mine.CustomerId}");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("edit-email")).ToHaveValueAsync(Email);
        await InertAsync(page, $"/customers/{mine.CustomerId}");

        AssertInert(browser);
    }

    /// <summary>Stored markup would add elements marked data-xss and set window.__xss; the element
    /// check holds even where the CSP would stop the script.</summary>
    private async Task InertAsync(IPage page, string where)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var injected = await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-xss]').length");
        if (injected > 0) _problems.Add($"{where}: {injected} element(s) from stored markup in the page");
        if (await page.EvaluateAsync<bool>("() => window.__xss !== undefined")) _problems.Add($"{where}: stored script ran");
    }

    private void AssertInert(BrowserSession browser)
    {
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    /// <summary>MudBlazor fields bind when the input loses focus.</summary>
    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }
}
