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
    private const string Grid = "[data-testid=appointments-grid]";

    [BrowserFact]
    public async Task Salon_admin_logs_in_works_the_appointments_grid_switches_language_and_logs_out()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;

        // Anonymous visitors land on the login page.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await browser.ScreenshotAsync("00-login");
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);

        // Dashboard with the salon's demo appointments, never the praxis's.
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(DemoData.Salon.Name);
        await Expect(page.GetByTestId("week-list").GetByTestId("appointment").First).ToBeVisibleAsync();
        Assert.True(int.Parse(await page.GetByTestId("count-week").InnerTextAsync()) > 0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Erstgespräch");

        // Appointments grid: server-side paging, sorting, filtering.
        await page.Locator("nav a", new() { HasText = "Termine" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/appointments$"));
        var rows = page.Locator($"{Grid} tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        var firstOnPage1 = await rows.First.InnerTextAsync();
        await page.Locator($"{Grid} button[aria-label='Nächste Seite']").ClickAsync();
        await Expect(rows.First).Not.ToHaveTextAsync(firstOnPage1);
        await Expect(page.Locator(Grid)).ToContainTextAsync(new Regex(@"21–40 von \d+"));
        await browser.ScreenshotAsync("02-appointments-page2");

        await page.Locator($"{Grid} th", new() { HasText = "Kunde" }).Locator(".sortable-column-header").ClickAsync();
        var sortedCustomers = await EventuallyAsync(() => CustomerColumnAsync(page), names => names.SequenceEqual(names.Order(StringComparer.CurrentCulture)));
        Assert.Equal(sortedCustomers.Order(StringComparer.CurrentCulture).ToList(), sortedCustomers);

        var someone = sortedCustomers[0].Split(' ')[0];
        await FilterCustomersAsync(page, someone);
        var filtered = await EventuallyAsync(() => CustomerColumnAsync(page), names => names.Count > 0 && names.All(n => n.Contains(someone)));
        Assert.NotEmpty(filtered);
        Assert.All(filtered, name => Assert.Contains(someone, name));
        await browser.ScreenshotAsync("03-appointments-filtered");

        // The status filter: only cancelled appointments, named in German.
        await FilterCustomersAsync(page, "");
        await EventuallyAsync(() => CustomerColumnAsync(page), names => !names.All(n => n.Contains(someone)));
        await page.GetByTestId("appointments-status").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Storniert" }).First.ClickAsync();
        var statuses = await EventuallyAsync(() => page.Locator($"{Grid} tbody tr td:nth-child(5)").AllInnerTextsAsync(),
            texts => texts.Count > 0 && texts.All(t => t.Trim() == "Storniert"));
        Assert.All(statuses, t => Assert.Equal("Storniert", t.Trim()));
        await browser.ScreenshotAsync("03-appointments-cancelled");

        // Language: English and back; MudBlazor's own texts change too.
        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Appointments");
        await browser.WaitForCircuitAsync();
        await Expect(page.Locator(Grid)).ToContainTextAsync("Rows per page");
        await browser.ScreenshotAsync("04-english");
        await page.GetByTestId("lang-de").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Termine");
        await browser.WaitForCircuitAsync();
        await Expect(page.Locator(Grid)).ToContainTextAsync("Zeilen pro Seite");

        // Log out: back to the login page, and the portal is closed again.
        await browser.LogOutAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GotoAsync("/appointments");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        Assert.Empty(browser.ConsoleErrors);
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
        await Expect(page.Locator($"{Grid} tbody tr").First).ToBeVisibleAsync();
        var services = await page.Locator($"{Grid} tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Contains(s.Trim(), new[] { "Erstgespräch", "Kontrolle", "Behandlung" }));
    }

    /// <summary>Types into the customer column's filter cell (the grid's filter row).</summary>
    internal static async Task FilterCustomersAsync(IPage page, string text)
    {
        var filter = page.Locator($"{Grid} thead tr").Nth(1).Locator("th").Nth(1).Locator("input");
        await filter.FillAsync(text);
        await filter.PressAsync("Enter");
    }

    /// <summary>Reads until the condition holds (the grid re-renders after the server answers), or 10 s pass.</summary>
    internal static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
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
        (await page.Locator($"{Grid} tbody tr td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}
