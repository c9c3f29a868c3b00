using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The "Testanruf" page drives real signed function calls: what it books, moves and
/// cancels appears in the salon's portal, never in the praxis's.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class SimulatorBrowserTests(AppHost app)
{
    [BrowserFact]
    public async Task The_simulator_books_moves_and_cancels_for_the_salon_only()
    {
        var day = NextTuesday(DateTime.Today.AddDays(21));
        var date = day.ToString("dd.MM.yyyy");
        const string customer = "Tessa Testanruf";

        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/simulator");
        await browser.WaitForCircuitAsync();

        await FillAsync(page, "dienstleistung", "Herrenhaarschnitt");
        await FillAsync(page, "mitarbeiter", "Anna");
        await FillAsync(page, "datum", date);
        await FillAsync(page, "uhrzeit", "10 Uhr");
        await FillAsync(page, "name", customer);
        await page.GetByTestId("sim-send").ClickAsync();
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("frei");
        await browser.ScreenshotAsync("20-simulator-check");

        await ChooseAsync(page, "book_appointment");
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("gebucht");
        await Expect(page.GetByTestId("sim-envelope")).ToContainTextAsync("\"status\": \"booked\"");
        await browser.ScreenshotAsync("21-simulator-booked");

        await FillAsync(page, "neues_datum", date);
        await FillAsync(page, "neue_uhrzeit", "11 Uhr");
        await ChooseAsync(page, "reschedule_appointment");
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("verschoben");
        await Expect(page.GetByTestId("sim-envelope")).ToContainTextAsync("T11:00:00");

        // The salon's appointments page shows it at 11:00.
        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        await PortalBrowserTests.FilterCustomersAsync(page, "Tessa");
        var row = page.Locator("[data-testid=appointments-grid] tbody tr", new() { HasText = customer });
        await Expect(row).ToContainTextAsync($"{day:dd.MM.yyyy} 11:00");
        await browser.ScreenshotAsync("22-appointments-after-simulator");

        // Cancel through the simulator; the grid shows it cancelled.
        await page.GotoAsync("/simulator");
        await browser.WaitForCircuitAsync();
        await FillAsync(page, "datum", date);
        await ChooseAsync(page, "cancel_appointment");
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("abgesagt");
        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        await PortalBrowserTests.FilterCustomersAsync(page, "Tessa");
        await Expect(row).ToContainTextAsync("Storniert");

        // The praxis never sees any of it.
        await browser.LogOutAsync();
        await browser.LogInAsync(DemoData.Praxis.AdminEmail, DemoData.Praxis.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        await PortalBrowserTests.FilterCustomersAsync(page, "Tessa");
        await Expect(page.Locator("[data-testid=appointments-grid] tbody")).Not.ToContainTextAsync(customer);
        await page.GotoAsync("/customers");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("customers-grid")).Not.ToContainTextAsync(customer);
    }

    private static async Task FillAsync(IPage page, string argument, string value)
    {
        var box = page.GetByTestId($"sim-arg-{argument}");
        await box.FillAsync(value);
        await box.PressAsync("Tab");
        await Expect(box).ToHaveValueAsync(value);
    }

    private static async Task ChooseAsync(IPage page, string function)
    {
        await page.Locator("div.mud-select:not(.mud-input-control)", new() { Has = page.GetByTestId("sim-function") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = function }).First.ClickAsync();
        // The choice travels to the server first; send only once the page shows it.
        await Expect(page.GetByTestId("sim-function")).ToHaveTextAsync(function);
        await page.GetByTestId("sim-send").ClickAsync();
    }

    private static DateTime NextTuesday(DateTime from)
    {
        var day = from;
        while (day.DayOfWeek != DayOfWeek.Tuesday || (day.Month == 12 && day.Day is >= 24 and <= 26)) day = day.AddDays(1);
        return day;
    }
}
