using System.Text.RegularExpressions;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The portal as a salon admin meets it: in a real browser, on a real port.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class PortalBrowserTests(AppHost app)
{
    [BrowserFact]
    public async Task Salon_admin_logs_in_works_the_appointments_grid_switches_language_and_logs_out()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;

        // Anonymous visitors land on the login page.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);

        // Dashboard with the salon's demo appointments, never the praxis's.
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(DemoData.Salon.Name);
        await Expect(page.GetByTestId("week-list").GetByTestId("appointment").First).ToBeVisibleAsync();
        Assert.True(int.Parse(await page.GetByTestId("count-week").InnerTextAsync()) > 0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Erstgespräch");
        await browser.ScreenshotAsync("01-dashboard");

        // Appointments grid: server-side paging, sorting, filtering.
        await page.GetByText("Termine", new() { Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/appointments$"));
        await browser.WaitForCircuitAsync();
        await browser.ScreenshotAsync("02-appointments");
        var rows = page.Locator("[data-testid=appointments-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        var firstOnPage1 = await rows.First.InnerTextAsync();
        await page.Locator(".rz-pager-next").First.ClickAsync();
        await Expect(rows.First).Not.ToHaveTextAsync(firstOnPage1);
        await browser.ScreenshotAsync("02-appointments-page2");

        await page.Locator(".rz-column-title").GetByText("Kunde").ClickAsync();
        var sortedCustomers = await EventuallyAsync(() => CustomerColumnAsync(page), names => names.SequenceEqual(names.Order(StringComparer.Ordinal)));
        Assert.Equal(sortedCustomers.Order(StringComparer.Ordinal).ToList(), sortedCustomers);

        var filter = page.Locator("[data-testid=appointments-grid] .rz-cell-filter input").Nth(0);
        var someone = sortedCustomers[0].Split(' ')[0];
        await filter.FillAsync(someone);
        await filter.PressAsync("Enter");
        var filtered = await EventuallyAsync(() => CustomerColumnAsync(page), names => names.All(n => n.Contains(someone)));
        Assert.NotEmpty(filtered);
        Assert.All(filtered, name => Assert.Contains(someone, name));
        await browser.ScreenshotAsync("03-appointments-filtered");

        // Language: English and back.
        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Appointments");
        await browser.WaitForCircuitAsync();
        await browser.ScreenshotAsync("04-english");
        await page.GetByTestId("lang-de").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Termine");

        // Log out: back to the login page, and the portal is closed again.
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GotoAsync("/appointments");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [BrowserFact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        await browser.LogInAsync(DemoData.Praxis.AdminEmail, "falsch-falsch");
        await Expect(browser.Page.GetByTestId("login-error")).ToContainTextAsync("falsch");
        await browser.ScreenshotAsync("05-login-failed");
    }

    [BrowserFact]
    public async Task Praxis_admin_sees_only_the_praxis()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Praxis.AdminEmail, DemoData.Praxis.AdminPassword);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(DemoData.Praxis.Name);
        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        var services = await page.Locator("[data-testid=appointments-grid] tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Contains(s.Trim(), new[] { "Erstgespräch", "Kontrolle", "Behandlung" }));
    }


    /// <summary>Reads until the condition holds (the grid re-renders after the server answers), or 10 s pass.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var value = await read();
        for (var i = 0; i < 50 && !condition(value); i++)
        {
            await Task.Delay(200);
            value = await read();
        }
        return value;
    }

    private static async Task<List<string>> CustomerColumnAsync(IPage page) =>
        (await page.Locator("[data-testid=appointments-grid] tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}
