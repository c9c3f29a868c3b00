using System.Text.RegularExpressions;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>Every page of the navigation, reached by clicking it, in German and in English:
/// it renders without console errors, in the chosen language, with the salon's own data.
/// A screenshot of each lands under the test results.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class NavigationBrowserTests(AppHost app)
{
    /// <summary>Link text (de, en) → what on the page proves it shows the salon's data.</summary>
    private static readonly (string De, string En, string Path, string Proof, string Data)[] SalonPages =
    [
        ("Übersicht", "Dashboard", "/", "week-list", "haarschnitt"),
        ("Termine", "Appointments", "/appointments", "appointments-grid", "haarschnitt"),
        ("Kunden", "Customers", "/customers", "customers-grid", "@"),
        ("Anrufe", "Calls", "/calls", "calls-grid", ":"),
        ("Testanruf", "Test call", "/simulator", "sim-call-id", "sim_"),
        ("API-Schlüssel", "API keys", "/settings/api-keys", "api-keys-grid", "Demo"),
        ("Webhook-Eingang", "Webhook inbox", "/operations/inbox", "inbox-counts", ""),
        ("Test-Postfach", "Dev mailbox", "/dev/mail", "", ""),
    ];

    [BrowserTheory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Every_page_of_the_navigation_renders_in_the_language_with_the_salons_data_and_no_console_error(string language)
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GetByTestId($"lang-{language}").ClickAsync();
        await browser.WaitForCircuitAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);

        var index = 0;
        foreach (var (de, en, path, proof, data) in SalonPages)
        {
            var label = language == "de" ? de : en;
            await page.Locator("nav a", new() { HasText = label }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            if (proof.Length > 0)
            {
                var block = page.GetByTestId(proof);
                await Expect(block).ToBeVisibleAsync();
                if (data.Length > 0) await Expect(block).ToContainTextAsync(data);
            }
            await Expect(page.GetByTestId("load-error")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(DemoData.Salon.Name);
            await browser.ScreenshotAsync($"30-{language}-{++index:00}-{path.Trim('/').Replace('/', '-') switch { "" => "dashboard", var p => p }}");
        }

        // A call's own page, from the list.
        await page.Locator("nav a", new() { HasText = language == "de" ? "Anrufe" : "Calls" }).ClickAsync();
        await page.GetByTestId("call-link").First.ClickAsync();
        await Expect(page.GetByTestId("call-facts")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("call-outcome")).Not.ToBeEmptyAsync();
        await browser.ScreenshotAsync($"30-{language}-09-call-detail");

        // The password page is a static account page: a full page load from the nav.
        await page.Locator("nav a", new() { HasText = language == "de" ? "Passwort ändern" : "Change password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(language == "de" ? "Passwort ändern" : "Change password");
        await browser.ScreenshotAsync($"30-{language}-10-change-password");

        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    [BrowserFact]
    public async Task On_a_phone_the_drawer_collapses_opens_from_the_menu_button_and_pages_fit_the_screen()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress, width: 390, height: 844);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("count-week")).ToBeVisibleAsync();

        var termine = page.Locator("nav a", new() { HasText = "Termine" });
        await Expect(termine).Not.ToBeInViewportAsync(); // the drawer is closed
        await browser.ScreenshotAsync("40-phone-dashboard");
        Assert.True(await FitsAsync(page), "the dashboard is wider than the phone");

        await page.GetByTestId("nav-toggle").ClickAsync();
        await Expect(termine).ToBeInViewportAsync();
        await browser.ScreenshotAsync("41-phone-drawer-open");
        await termine.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/appointments$"));
        await Expect(page.Locator("[data-testid=appointments-grid] tbody tr").First).ToBeVisibleAsync();
        await Expect(termine).Not.ToBeInViewportAsync(); // closed again after choosing
        await browser.ScreenshotAsync("42-phone-appointments");
        Assert.True(await FitsAsync(page), "the appointments page is wider than the phone");
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    [BrowserFact]
    public async Task Keyboard_users_see_where_the_focus_is_and_mouse_users_get_no_box_around_the_title()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.Locator("nav a", new() { HasText = "Kunden" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kunden");
        await Expect(page.Locator("h1")).ToBeFocusedAsync(); // for screen readers, after navigation …
        Assert.Equal("none", await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle")); // … without a box

        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        await browser.ScreenshotAsync("43-keyboard-focus");
    }

    [BrowserFact]
    public async Task The_dark_theme_switches_the_whole_page_and_back()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("count-week")).ToBeVisibleAsync();
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        var light = await page.EvaluateAsync<string>(background);

        await page.GetByTestId("theme-toggle").ClickAsync();
        var dark = await PortalBrowserTests.EventuallyAsync(() => page.EvaluateAsync<string>(background), c => c != light);
        Assert.Equal("rgb(17, 24, 31)", dark); // AskPro's dark background
        await browser.ScreenshotAsync("44-dark-dashboard");
        await page.Locator("nav a", new() { HasText = "Termine" }).ClickAsync();
        await Expect(page.Locator("[data-testid=appointments-grid] tbody tr").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("45-dark-appointments");

        await page.GetByTestId("theme-toggle").ClickAsync();
        Assert.Equal(light, await PortalBrowserTests.EventuallyAsync(() => page.EvaluateAsync<string>(background), c => c == light));
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    [BrowserFact]
    public async Task Platform_admin_pages_render_without_console_errors()
    {
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.PlatformEmail, DemoData.PlatformPassword);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("no-company")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("12-platform-no-company");
        foreach (var (label, proof) in new[] { ("Firmen", "companies-grid"), ("Systemzustand", "health-checks"), ("Webhook-Eingang", "inbox-counts") })
        {
            await page.Locator("nav a", new() { HasText = label }).ClickAsync();
            await Expect(page.GetByTestId(proof)).ToBeVisibleAsync();
            await browser.ScreenshotAsync($"13-platform-{proof}");
        }
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
}
