using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>/onboarding: every step is checked on its own, says in German what is wrong and saves
/// nothing then; the admin comes back to the step reached after logging out.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class OnboardingBrowserTests(AppHost app)
{
    [BrowserFact]
    public async Task Each_step_refuses_bad_input_in_German_saves_nothing_and_the_wizard_resumes_after_logout()
    {
        var email = $"inhaber-{Guid.NewGuid():N}@salon-falsch.example";
        var name = $"Salon Prüfstein {Guid.NewGuid():N}"[..24];
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        var wizard = new WizardDriver(browser);
        await SignUpFlow.SignUpAndConfirmAsync(browser, app.BaseAddress, name, email);
        var company = await app.ReadAsync(db => db.Companies.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

        // Company: an industry is needed.
        await page.GetByTestId("company-save").ClickAsync();
        await Expect(wizard.Errors).ToContainTextAsync("Bitte eine Branche wählen.");
        Assert.Equal("", await app.ReadAsync(db => db.Companies.Where(c => c.Id == company).Select(c => c.Industry).SingleAsync()));
        await wizard.CompanyAsync();

        // Branch: the region follows the postal code; a number that is none is refused.
        await wizard.FillAsync(page.GetByTestId("branch-postal"), "80331");
        await Expect(page.GetByTestId("branch-region")).ToHaveTextAsync("Bayern");
        await wizard.FillAsync(page.GetByTestId("branch-phone"), "keine Nummer");
        await page.GetByTestId("branch-save").ClickAsync();
        await Expect(wizard.Errors).ToContainTextAsync("Bitte eine gültige Telefonnummer angeben.");
        Assert.Equal(0, await app.ReadAsync(db => db.Branches.CountAsync(b => b.CompanyId == company)));
        await wizard.BranchAsync(postalCode: "10115");
        Assert.Equal("DE-BE", await app.ReadAsync(db => db.Branches.Where(b => b.CompanyId == company).Select(b => b.Region).SingleAsync()));

        // Services: the Friseur template; a 5-minute and a 10-hour service are refused, nothing saved.
        await Expect(wizard.ServiceRow(1).GetByTestId("service-name")).ToHaveValueAsync("Herrenhaarschnitt");
        foreach (var minutes in new[] { "5", "600" })
        {
            await wizard.FillAsync(wizard.ServiceRow(1).GetByTestId("service-duration"), minutes);
            await page.GetByTestId("services-save").ClickAsync();
            await Expect(wizard.Errors).ToContainTextAsync("Herrenhaarschnitt: Eine Dienstleistung dauert 15 Minuten bis 8 Stunden.");
            Assert.Equal(0, await app.ReadAsync(db => db.Services.CountAsync(s => s.CompanyId == company)));
        }
        await wizard.FillAsync(wizard.ServiceRow(1).GetByTestId("service-duration"), "30");
        await wizard.ServicesAsync();
        Assert.Equal(6, await app.ReadAsync(db => db.Services.CountAsync(s => s.CompanyId == company)));

        // Staff: a person without services is refused.
        var row = page.GetByTestId("staff-row").First;
        await wizard.FillAsync(row.GetByTestId("staff-name"), "Anna Berg");
        await page.GetByTestId("staff-save").ClickAsync();
        await Expect(wizard.Errors).ToContainTextAsync("Anna Berg: Bitte mindestens eine Dienstleistung wählen");
        Assert.Equal(0, await app.ReadAsync(db => db.Staff.CountAsync(s => s.CompanyId == company)));
        await wizard.StaffAsync("Anna Berg", "anna@salon-falsch.example", "Herrenhaarschnitt", "Damenhaarschnitt");

        // Hours: an interval that ends before it begins, and two that overlap, are refused.
        await wizard.FillAsync(wizard.HoursRow(0).GetByTestId("hours-closes"), "08:00");
        await page.GetByTestId("hours-save").ClickAsync();
        await Expect(wizard.Errors).ToContainTextAsync("Montag: 09:00–08:00 endet nicht nach dem Beginn.");
        await wizard.FillAsync(wizard.HoursRow(0).GetByTestId("hours-closes"), "18:00");
        var rows = page.GetByTestId("branch-hours").GetByTestId("hours-row");
        var before = await rows.CountAsync();
        await page.GetByTestId("branch-hours").GetByTestId("hours-add").ClickAsync(); // a second Friday interval, after the last row
        await Expect(rows).ToHaveCountAsync(before + 1); // the new row comes from the server: fill it only once it is there
        var added = rows.Last;
        await wizard.FillAsync(added.GetByTestId("hours-opens"), "12:00");
        await wizard.FillAsync(added.GetByTestId("hours-closes"), "19:00");
        await page.GetByTestId("hours-save").ClickAsync();
        await Expect(wizard.Errors).ToContainTextAsync("Freitag: 09:00–18:00 und 12:00–19:00 überschneiden sich.");
        Assert.Equal(0, await app.ReadAsync(async db => (await db.Branches.SingleAsync(b => b.CompanyId == company)).OpeningHours.Count));
        await added.GetByTestId("hours-remove").ClickAsync();
        await wizard.HoursAsync();

        // Log out and in again: the wizard opens at the calendar, the step reached.
        await browser.LogOutAsync();
        await browser.LogInAsync(email, SignUpFlow.Password);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("step-calendar")).ToBeVisibleAsync();
        Assert.EndsWith("/onboarding", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByTestId("onboarding-progress")).ToContainTextAsync("Schritt 6 von 11");
        Assert.Equal("calendar", await app.ReadAsync(db => db.Companies.Where(c => c.Id == company).Select(c => c.OnboardingStep).SingleAsync()));
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    [BrowserFact]
    public async Task A_company_with_two_locations_sets_the_hours_of_each_before_going_on()
    {
        var email = $"zwei-{Guid.NewGuid():N}@zwei-standorte.example";
        var name = $"Zwei Standorte {Guid.NewGuid():N}"[..22];
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        var wizard = new WizardDriver(browser);
        await SignUpFlow.SignUpAndConfirmAsync(browser, app.BaseAddress, name, email);
        var company = await app.ReadAsync(db => db.Companies.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        await wizard.CompanyAsync();
        // Two locations in the branch step; the second one's region follows its postal code too.
        await page.GetByTestId("branch-add").ClickAsync();
        var second = page.GetByTestId("branch-card").Nth(1);
        await Expect(second).ToBeVisibleAsync();
        await wizard.FillAsync(second.GetByTestId("branch-name"), "Filiale Süd");
        await wizard.FillAsync(second.GetByTestId("branch-street"), "Leopoldstraße 3");
        await wizard.FillAsync(second.GetByTestId("branch-postal"), "80802");
        await wizard.FillAsync(second.GetByTestId("branch-city"), "München");
        await Expect(second.GetByTestId("branch-region")).ToHaveTextAsync("Bayern");
        var first = page.GetByTestId("branch-card").First;
        await wizard.FillAsync(first.GetByTestId("branch-postal"), "10115");
        await page.GetByTestId("branch-save").ClickAsync();
        await Expect(page.GetByTestId("step-services")).ToBeVisibleAsync();
        Assert.Equal(["DE-BE", "DE-BY"], await app.ReadAsync(db => db.Branches.Where(b => b.CompanyId == company).OrderBy(b => b.Region).Select(b => b.Region).ToListAsync()));
        await wizard.ServicesAsync();
        await wizard.SelectAsync("staff-branch", "Filiale Süd");
        await wizard.StaffAsync("Anna Berg", "anna@zwei-standorte.example", "Herrenhaarschnitt");
        Assert.Equal("Filiale Süd", await app.ReadAsync(db => db.Staff.Where(s => s.CompanyId == company)
            .Select(s => db.Branches.Where(b => b.Id == s.BranchId).Select(b => b.Name).Single()).SingleAsync()));

        // The hours step shows one location without hours (in no promised order); its save moves on to the other.
        await Expect(page.GetByTestId("step-hours")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("hours-branch")).ToBeVisibleAsync();
        var names = await app.ReadAsync(db => db.Branches.Where(b => b.CompanyId == company).Select(b => b.Name).ToListAsync());
        var shownFirst = (await page.GetByTestId("hours-branch").TextContentAsync())!.Trim();
        var other = Assert.Single(names, n => !shownFirst.Contains(n));
        await page.GetByTestId("hours-save").ClickAsync();
        await Expect(page.GetByTestId("hours-branch")).ToHaveTextAsync(other, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("step-hours")).ToBeVisibleAsync();
        await page.GetByTestId("hours-save").ClickAsync();
        await Expect(page.GetByTestId("step-calendar")).ToBeVisibleAsync();
        Assert.True(await app.ReadAsync(db => db.Branches.Where(b => b.CompanyId == company).AllAsync(b => b.OpeningHours.Count == 5)));
    }
}
