using AskPro.Core.Directory;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>/signup: a new company in Draft with an unconfirmed admin; the mailed link confirms
/// and leads into the wizard. A known address gets the same answer and no second account.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class SignUpBrowserTests(AppHost app)
{
    [BrowserFact]
    public async Task A_new_business_signs_up_confirms_its_address_and_lands_in_the_wizard()
    {
        var email = $"inhaberin-{Guid.NewGuid():N}@friseur-neu.example";
        var company = $"Friseur Neumann {Guid.NewGuid():N}"[..30];
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;

        await SignUpFlow.SubmitAsync(page, company, "Erika Neumann", email);
        await Expect(page.GetByTestId("signup-sent")).ToBeVisibleAsync();
        var created = await app.ReadAsync(db => db.Companies.SingleAsync(c => c.Name == company));
        Assert.Equal(CompanyStatus.Draft, created.Status);
        Assert.NotEqual(created.Id.ToString(), created.TenantKey);

        // Before the link, the password alone does not sign in.
        await browser.LogInAsync(email, SignUpFlow.Password);
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("bestätigen");

        var mail = await SignUpFlow.MailToAsync(app.BaseAddress, email, "bestätigen");
        await page.GotoAsync(SignUpFlow.LinkIn(mail));
        await browser.WaitForCircuitAsync();
        Assert.EndsWith("/onboarding", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByTestId("company-name-input")).ToHaveValueAsync(company);
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(company);
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    [BrowserFact]
    public async Task A_known_address_gets_the_same_answer_and_no_second_account()
    {
        var company = $"Doppelt {Guid.NewGuid():N}"[..20];
        var before = await app.ReadAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == DemoData.Salon.AdminEmail.ToUpperInvariant()));
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);

        await SignUpFlow.SubmitAsync(browser.Page, company, "Jemand Anderes", DemoData.Salon.AdminEmail);

        await Expect(browser.Page.GetByTestId("signup-sent")).ToBeVisibleAsync();
        await Expect(browser.Page.GetByTestId("form-errors")).ToHaveCountAsync(0);
        Assert.Equal(before, await app.ReadAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == DemoData.Salon.AdminEmail.ToUpperInvariant())));
        Assert.False(await app.ReadAsync(db => db.Companies.AnyAsync(c => c.Name == company)));
        // Only the owner of the address learns that the account exists.
        var mail = await SignUpFlow.MailToAsync(app.BaseAddress, DemoData.Salon.AdminEmail, "bereits ein AskPro-Konto");
        Assert.Contains("/account/login", mail.Text);
    }

    [BrowserFact]
    public async Task A_weak_password_is_refused_in_German_and_creates_nothing()
    {
        var email = $"schwach-{Guid.NewGuid():N}@example.com";
        var company = $"Schwach {Guid.NewGuid():N}"[..20];
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);

        await SignUpFlow.SubmitAsync(browser.Page, company, "Paul Passwort", email, password: "kurz1");

        var errors = browser.Page.GetByTestId("form-errors");
        await Expect(errors).ToContainTextAsync("mindestens 10 Zeichen");
        await Expect(errors).ToContainTextAsync("Großbuchstaben");
        await Expect(browser.Page.GetByTestId("signup-sent")).ToHaveCountAsync(0);
        Assert.False(await app.ReadAsync(db => db.Companies.AnyAsync(c => c.Name == company)));
        Assert.False(await app.ReadAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
        Assert.Equal(0, await SignUpFlow.MailCountAsync(app.BaseAddress, email));
    }

    [BrowserFact]
    public async Task Without_accepting_the_terms_nothing_is_created()
    {
        var email = $"ohne-{Guid.NewGuid():N}@example.com";
        var company = $"Ohne AGB {Guid.NewGuid():N}"[..20];
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);

        await SignUpFlow.SubmitAsync(browser.Page, company, "Olga Ohne", email, terms: false);

        await Expect(browser.Page.GetByTestId("form-errors")).ToContainTextAsync("Nutzungsbedingungen");
        Assert.False(await app.ReadAsync(db => db.Companies.AnyAsync(c => c.Name == company)));
    }
}
