using AskPro.Tests.CustomerPortal;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The sibling of <see cref="StoredScriptBrowserTests"/> for the company's directory
/// texts not covered there: a branch's name, address and closure reason, and a staff member's
/// absence note. Each is typed with markup into its settings form (the directory takes any
/// printable text), the database holds it verbatim, and every page that shows it shows it as text
/// (see <see cref="StoredMarkup"/>), the public booking page and the customer portal included.</summary>
public sealed class StoredScriptInSettingsBrowserTests : IDisposable
{
    private const string Markup = StoredMarkup.Payload;

    private readonly BookingApp _app = StoredMarkup.App();

    private readonly StoredMarkup _markup = new();

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
        await _markup.InertAsync(page, "/settings/branches");
        var branch = await _app.ReadAsync(db => db.Branches.AsNoTracking().SingleAsync(b => b.Name == Name));
        Assert.Equal((Street, Reason), (branch.Street, branch.Closures.Single(c => c.From == new DateOnly(2026, 12, 17)).Reason));
        Assert.Contains(branch.Closures, c => c.Reason == "Weihnachten"); // the existing closure untouched

        await page.GotoAsync("/settings/staff");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("staff-item").Filter(new() { HasText = "Anna Schmidt" }).ClickAsync();
        await page.GetByTestId("staff-branch").ClickAsync(); // the choice of branches opens in a popover
        await Expect(page.Locator(".mud-popover-open")).ToContainTextAsync(Name);
        await _markup.InertAsync(page, "/settings/staff branch choice");
        await page.Keyboard.PressAsync("Escape");

        await page.GotoAsync("/calendar");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("calendar-range")).ToContainTextAsync(Name);
        await page.GetByTestId("calendar-week").ClickAsync();
        for (var i = 0; i < 3; i++) await page.GetByTestId("calendar-next").ClickAsync(); // 23 Nov → the week of 14 Dec
        await Expect(page.Locator("[data-testid=calendar-day-head][data-day='2026-12-17']")).ToContainTextAsync(Reason);
        await Expect(page.GetByTestId("calendar-closed")).ToContainTextAsync(Reason);
        await _markup.InertAsync(page, "/calendar closed day");

        await page.GotoAsync("/settings/messages");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("template-preview-button").ClickAsync();
        await Expect(page.GetByTestId("template-preview-html")).ToContainTextAsync(Street);
        await _markup.InertAsync(page, "/settings/messages e-mail preview");

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
        await _markup.InertAsync(page, "/book confirmation");

        var appointment = await _app.ReadAsync(db => db.Appointments.Where(a => db.Customers.Any(c => c.Id == a.CustomerId && c.Email == "berta@example.org"))
            .Select(a => a.Id).SingleAsync());
        var (_, link) = await new CustomerPortalWorld(_app.Host).RequestLinkAsync(DemoData.Salon.TenantKey, "berta@example.org", "berta@example.org", appointment);
        await page.GotoAsync(link!);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("appointment-focused")).ToContainTextAsync(Name + ", " + Street);
        await _markup.InertAsync(page, "/portal appointment");

        _markup.AssertNone(browser);
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
        await _markup.InertAsync(page, "/settings/branches new branch");
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
        await _markup.InertAsync(page, "/settings/staff new staff member");
        Assert.Equal(branch, await _app.ReadAsync(db => db.Staff.Where(s => s.Name == "Nora Nord").Select(s => s.BranchId).SingleAsync()));

        await browser.LogOutAsync();
        await page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        var choice = page.GetByTestId("branch").Filter(new() { HasText = "Filiale Nord" });
        await Expect(choice).ToHaveTextAsync(Name);
        await choice.ClickAsync();
        await page.GetByTestId("service").Filter(new() { HasText = "Herrenhaarschnitt" }).ClickAsync();
        await Expect(page.GetByTestId("staff").Filter(new() { HasText = "Nora Nord" })).ToBeVisibleAsync(); // the choice took: the new branch's own staff
        await _markup.InertAsync(page, "/book branch choice");

        _markup.AssertNone(browser);
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
        await _markup.InertAsync(page, "/settings/staff absences");
        var anna = await _app.ReadAsync(db => db.Staff.AsNoTracking().SingleAsync(s => s.Name == "Anna Schmidt"));
        Assert.Equal(Note, Assert.Single(anna.Absences, a => a.Note.StartsWith("Kur ", StringComparison.Ordinal)).Note);

        // After a reload, from the database rather than from the circuit's memory.
        await page.ReloadAsync();
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("staff-item").Filter(new() { HasText = "Anna Schmidt" }).ClickAsync();
        await Expect(page.GetByTestId("absence-row").Filter(new() { HasText = "Kur " })).ToContainTextAsync(Note);
        await _markup.InertAsync(page, "/settings/staff absences after reload");

        _markup.AssertNone(browser);
    }

    /// <summary>MudBlazor fields bind when the input loses focus.</summary>
    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }
}
