using AskPro.Core.Directory;
using AskPro.Core.Onboarding.SignUp;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The platform's companies page: every company's onboarding progress, and suspending
/// (with a reason, audited) and reactivating a company.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class PlatformCompaniesBrowserTests(AppHost app)
{
    [BrowserFact]
    public async Task Platform_admins_see_onboarding_progress_and_suspend_and_reactivate_with_an_audit_trail()
    {
        var name = $"Werkstatt Neu {Guid.NewGuid():N}"[..24];
        _ = app.BaseAddress;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<SignUp>()
                .RunAsync(new SignUpRequest(name, "Karl Schrauber", $"karl-{Guid.NewGuid():N}@example.com", "Werk!Statt2026", true), CancellationToken.None);
            Assert.IsType<SignUpOutcome.Created>(outcome);
        }
        var company = await app.ReadAsync(db => db.Companies.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.PlatformEmail, DemoData.PlatformPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/platform/companies");
        await browser.WaitForCircuitAsync();
        var row = page.Locator("[data-testid=companies-grid] tbody tr", new() { HasText = name });
        await Expect(row.GetByTestId("company-onboarding")).ToHaveTextAsync("0 % · Unternehmen");
        await Expect(page.Locator("[data-testid=companies-grid] tbody tr", new() { HasText = DemoData.Salon.Name }).GetByTestId("company-onboarding"))
            .ToHaveTextAsync("abgeschlossen");

        // A suspension needs a reason.
        await row.GetByTestId("company-suspend").ClickAsync();
        await page.GetByTestId("suspend-ok").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Bitte einen Grund für die Sperre angeben.");
        Assert.Equal(CompanyStatus.Draft, await app.ReadAsync(db => db.Companies.Where(c => c.Id == company).Select(c => c.Status).SingleAsync()));

        await row.GetByTestId("company-suspend").ClickAsync();
        await page.GetByTestId("suspend-reason").FillAsync("Testbetrieb beendet");
        await page.GetByTestId("suspend-ok").ClickAsync();
        await Expect(row).ToContainTextAsync("Gesperrt");
        await browser.ScreenshotAsync("platform-companies-suspended");
        Assert.Equal(CompanyStatus.Suspended, await app.ReadAsync(db => db.Companies.Where(c => c.Id == company).Select(c => c.Status).SingleAsync()));
        var audit = await app.ReadAsync(db => db.AuditEntries.SingleAsync(a => a.CompanyId == company && a.Action == "company.suspend"));
        Assert.Equal("Testbetrieb beendet", audit.Details);

        await row.GetByTestId("company-reactivate").ClickAsync();
        await Expect(row).ToContainTextAsync("Entwurf"); // never live before: back to Draft
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.CompanyId == company && a.Action == "company.reactivate")));
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }
}
