using System.Net;
using System.Text.RegularExpressions;
using AskPro.Infrastructure.Accounts;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

[Collection(DemoAppCollection.Name)]
public sealed class AdminBrowserTests(AppHost app)
{
    [BrowserFact]
    public async Task Platform_admin_chooses_a_company_explicitly_and_then_sees_its_data()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.PlatformEmail, DemoData.PlatformPassword);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("no-company")).ToBeVisibleAsync(); // no company chosen yet: nothing shown

        await page.GotoAsync("/platform/companies");
        await browser.WaitForCircuitAsync();
        var grid = page.GetByTestId("companies-grid");
        await Expect(grid).ToContainTextAsync(DemoData.Salon.Name);
        await Expect(grid).ToContainTextAsync(DemoData.Praxis.Name);
        await browser.ScreenshotAsync("10-platform-companies");

        await grid.Locator("tr", new() { HasText = DemoData.Praxis.Name }).GetByTestId("company-select").ClickAsync();
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(DemoData.Praxis.Name);
        await Expect(page.GetByTestId("week-list")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Platform_admin_sees_system_health_on_the_page_and_as_JSON()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.PlatformEmail, DemoData.PlatformPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/operations/health");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("health-overall")).ToHaveTextAsync("Healthy");
        await Expect(page.GetByTestId("health-checks")).ToContainTextAsync("database");
        await Expect(page.GetByTestId("health-inbox-Pending")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("11-platform-health");

        // The same facts for machines, with the signed-in admin's cookie.
        var detailed = await page.Context.APIRequest.GetAsync(new Uri(app.BaseAddress, "/health/detailed").ToString());
        Assert.Equal(200, detailed.Status);
        var json = await detailed.JsonAsync();
        Assert.Equal("Healthy", json!.Value.GetProperty("status").GetString());
        Assert.True(json.Value.GetProperty("inbox").GetProperty("byStatus").TryGetProperty("Pending", out _));
        Assert.True(json.Value.GetProperty("inbox").TryGetProperty("oldestPendingSeconds", out _));
    }

    [BrowserFact]
    public async Task Company_admin_creates_an_api_key_that_works_until_revoked()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/settings/api-keys");
        await browser.WaitForCircuitAsync();

        var label = "Kasse " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("api-key-name").FillAsync(label);
        await page.GetByTestId("api-key-name").PressAsync("Tab");
        await page.GetByTestId("api-key-create").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Schlüssel erstellt" })).ToBeVisibleAsync();
        var secret = await page.GetByTestId("api-key-secret").InnerTextAsync();
        Assert.StartsWith("ak_", secret);

        using var client = app.ApiClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/branches")).StatusCode);

        // Revoking asks first; cancelling changes nothing.
        var revoke = page.GetByTestId("api-keys-grid").Locator("tr", new() { HasText = label }).GetByTestId("api-key-revoke");
        await revoke.ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToContainTextAsync(label);
        await browser.ScreenshotAsync("14-api-key-confirm");
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/branches")).StatusCode);

        await revoke.ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = $"„{label}“ widerrufen" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("15-api-key-revoked-toast");
        await Expect(page.GetByTestId("api-key-secret")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/branches")).StatusCode);
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    [BrowserFact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link()
    {
        var email = $"staff-{Guid.NewGuid():N}@salon.demo";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var salonAdmin = await users.FindByEmailAsync(DemoData.Salon.AdminEmail);
            var user = new AppUser { UserName = email, Email = email, CompanyId = salonAdmin!.CompanyId, DisplayName = "Aushilfe" };
            Assert.True((await users.CreateAsync(user, "Alt!Passwort2026")).Succeeded);
            await users.AddToRoleAsync(user, Roles.CompanyStaff);
        }

        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/account/forgot-password");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("forgot-submit").ClickAsync();
        await Expect(page.GetByTestId("forgot-sent")).ToBeVisibleAsync();

        // The dev outbox holds the mail; its text carries the absolute link.
        var outbox = app.Services.GetRequiredService<AskPro.Infrastructure.Notifications.DevOutbox>();
        var link = Regex.Match(outbox.Recent.First(m => m.To == email).Text, @"https?://\S+").Value;
        await page.GotoAsync(link);
        await page.GetByTestId("new-password").FillAsync("Neu!Passwort2026");
        await page.GetByTestId("reset-submit").ClickAsync();
        await Expect(page.GetByTestId("reset-done")).ToBeVisibleAsync();

        await browser.LogInAsync(email, "Neu!Passwort2026");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(DemoData.Salon.Name);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

}
