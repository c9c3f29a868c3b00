using Microsoft.EntityFrameworkCore;
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

    [BrowserFact]
    public async Task The_owner_books_moves_and_cancels_in_plain_German_through_the_conversation()
    {
        var day = NextTuesday(DateTime.Today.AddDays(24));
        var date = day.ToString("dd.MM.yyyy");
        const string caller = "+49 171 5559876";
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/simulator");
        await browser.WaitForCircuitAsync();
        var from = page.GetByTestId("sim-from");
        await from.FillAsync(caller);
        await from.PressAsync("Tab");
        await Expect(from).ToHaveValueAsync(caller);

        await page.GetByTestId("sim-scenario-book").ClickAsync();
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("Welche Dienstleistung");
        await SayAsync(page, "Herrenhaarschnitt bei Anna");
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("Wann möchten Sie kommen?");
        await SayAsync(page, $"am {date} um halb drei");
        await Expect(page.GetByTestId("sim-agent").Nth(-2)).ToContainTextAsync("14:30 Uhr");
        await SayAsync(page, "Konrad Gespräch");
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("gebucht");
        await Expect(page.GetByTestId("sim-appointment-link")).ToBeVisibleAsync();
        await page.GetByTestId("sim-calls").ClickAsync();
        await Expect(page.GetByTestId("sim-call-request").Last).ToContainTextAsync("\"name\":\"book_appointment\"");
        await Expect(page.GetByTestId("sim-call-answer").Last).ToContainTextAsync("\"status\": \"booked\"");
        await browser.ScreenshotAsync("23-conversation-booked");
        var booked = await app.ReadAsync(db => db.Appointments.Where(a => db.Customers.Any(c => c.Id == a.CustomerId && c.Name == "Konrad Gespräch"))
            .Select(a => new { a.StartUtc, a.Status, Salon = db.Companies.Any(c => c.Id == a.CompanyId && c.TenantKey == DemoData.Salon.TenantKey) }).SingleAsync());
        Assert.True(booked.Salon);
        Assert.Equal(new TimeOnly(14, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(booked.StartUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))));

        await page.GetByTestId("sim-scenario-myappointments").ClickAsync();
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("14:30 Uhr");

        await page.GetByTestId("sim-scenario-move").ClickAsync();
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("Welchen Termin möchten Sie verschieben?");
        await Expect(page.GetByTestId("sim-caller")).ToHaveCountAsync(0);
        await SayAsync(page, $"den am {date}");
        await SayAsync(page, $"am {date} um 16 Uhr");
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("verschoben");

        await page.GetByTestId("sim-scenario-cancel").ClickAsync();
        // A scenario starts a new conversation: wait for its question before answering it.
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("Welchen Termin möchten Sie absagen?");
        await Expect(page.GetByTestId("sim-caller")).ToHaveCountAsync(0);
        await SayAsync(page, $"am {date}");
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("abgesagt");
        await browser.ScreenshotAsync("24-conversation-cancelled");
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }

    /// <summary>Types the caller's words into the conversation and waits until the page shows them.</summary>
    internal static async Task SayAsync(IPage page, string words)
    {
        var count = await page.GetByTestId("sim-caller").CountAsync();
        var box = page.GetByTestId("sim-words");
        await box.FillAsync(words);
        await Expect(box).ToHaveValueAsync(words);
        await page.GetByTestId("sim-say").ClickAsync();
        await Expect(page.GetByTestId("sim-caller")).ToHaveCountAsync(count + 1);
    }

    internal static async Task FillAsync(IPage page, string argument, string value)
    {
        var box = page.GetByTestId($"sim-arg-{argument}");
        await box.FillAsync(value);
        await box.PressAsync("Tab");
        await Expect(box).ToHaveValueAsync(value);
    }

    internal static async Task ChooseAsync(IPage page, string function)
    {
        await page.Locator("div.mud-select:not(.mud-input-control)", new() { Has = page.GetByTestId("sim-function") }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = function }).First.ClickAsync();
        // The choice travels to the server first; send only once the page shows it.
        await Expect(page.GetByTestId("sim-function")).ToHaveTextAsync(function);
        await page.GetByTestId("sim-send").ClickAsync();
    }

    internal static DateTime NextTuesday(DateTime from)
    {
        var day = from;
        while (day.DayOfWeek != DayOfWeek.Tuesday || (day.Month == 12 && day.Day is >= 24 and <= 26)) day = day.AddDays(1);
        return day;
    }
}
