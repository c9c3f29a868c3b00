using System.Text.Json;
using System.Text.RegularExpressions;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>A salon owner's day in the calendar, in a real browser against the real app: a
/// walk-in booked on a free quarter hour, moved by drag (in time and across to a colleague's
/// column) and by the dialog (time and staff member), a caller's booking
/// appearing live, a move onto a taken time answered with the engine's alternatives, a
/// cancellation and a no-show; after each change the phone agent sees the same calendar.</summary>
public sealed class CalendarBrowserTests : IDisposable
{
    private readonly BookingApp _app = new();

    public void Dispose() => _app.Dispose();

    private static ILocator Slot(IPage page, string staff, string start) =>
        page.Locator($"[data-testid=slot][data-staff='{staff}'][data-start='{start}']");

    private static ILocator Appointment(IPage page, string start) =>
        page.Locator($"[data-testid=appointment][data-start='{start}']");

    /// <summary>What the phone agent says; a time it finds free is then held for that call (<paramref name="callId"/>) for a few minutes.</summary>
    private Task<string> PhoneAsync(string time, string staff = "Anna", string? callId = null) => _app.Retell.CallAsync("check_availability",
            new { datum = "15.12.2026", uhrzeit = time, dienstleistung = "Herrenhaarschnitt", mitarbeiter = staff }, callId ?? "call_cal_" + Guid.NewGuid().ToString("N"))
        .ContinueWith(t => t.Result.GetProperty("status").GetString()!);

    [BrowserFact]
    public async Task A_week_in_the_calendar_books_moves_cancels_and_records_a_no_show_and_the_phone_agrees()
    {
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/calendar");
        await browser.WaitForCircuitAsync();

        // The week of 14 December (three weeks after the app's "today", 23 November 2026).
        await page.GetByTestId("calendar-week").ClickAsync();
        for (var i = 0; i < 3; i++) await page.GetByTestId("calendar-next").ClickAsync();
        await Expect(page.GetByTestId("calendar-range")).ToContainTextAsync("14.12.2026");

        // A caller is offered Mehmet's Tuesday 11:00: the calendar shows it held (drawn on the next load).
        var offered = await _app.Retell.CallAsync("check_availability",
            new { datum = "15.12.2026", uhrzeit = "11 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Mehmet" }, "call_cal_hold");
        Assert.Equal("available", offered.GetProperty("status").GetString());
        await Expect(page.GetByTestId("calendar-hold")).ToHaveCountAsync(0);
        await page.GetByTestId("calendar-next").ClickAsync();
        await page.GetByTestId("calendar-previous").ClickAsync();
        await Expect(page.GetByTestId("calendar-hold").First).ToBeVisibleAsync();

        // A walk-in on Tuesday at 10:00 with Anna: a new customer, quick-created.
        await Slot(page, "Anna Schmidt", "2026-12-15T10:00").ClickAsync();
        await Expect(page.GetByTestId("calendar-action")).ToContainTextAsync("Anna Schmidt");
        await page.GetByTestId("book-service").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Herrenhaarschnitt" }).First.ClickAsync();
        await page.GetByTestId("book-new-name").FillAsync("Walter Walkin");
        await page.GetByTestId("book-new-phone").FillAsync("0170 4455667");
        await page.GetByTestId("book-submit").ClickAsync();
        await Expect(Appointment(page, "2026-12-15T10:00")).ToContainTextAsync("Walter Walkin");
        await browser.ScreenshotAsync("calendar-01-walk-in");
        Assert.Equal("unavailable", await PhoneAsync("10 Uhr"));

        // Dragged to 14:00: the phone finds 10:00 free again.
        await Appointment(page, "2026-12-15T10:00").DragToAsync(Slot(page, "Anna Schmidt", "2026-12-15T14:00"));
        await Expect(Appointment(page, "2026-12-15T14:00")).ToContainTextAsync("Walter Walkin");
        await Expect(Appointment(page, "2026-12-15T10:00")).ToHaveCountAsync(0);
        Assert.Equal("available", await PhoneAsync("10 Uhr"));
        Assert.Equal("unavailable", await PhoneAsync("14 Uhr"));

        // Dragged across into Mehmet's column: Walter is Mehmet's now, and the phone finds Anna's 14:00 free and Mehmet's taken.
        await Appointment(page, "2026-12-15T14:00").DragToAsync(Slot(page, "Mehmet Yılmaz", "2026-12-15T14:00"));
        await Expect(page.Locator("[data-testid=appointment][data-staff='Mehmet Yılmaz']", new() { HasText = "Walter Walkin" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=appointment][data-staff='Anna Schmidt']", new() { HasText = "Walter Walkin" })).ToHaveCountAsync(0);
        Assert.Equal("available", await PhoneAsync("14 Uhr", callId: "call_cal_anna14"));
        Assert.Equal("unavailable", await PhoneAsync("14 Uhr", "Mehmet"));

        // A caller books 16:00 with Anna: it appears in the open calendar without a reload.
        var booked = await _app.Retell.CallAsync("book_appointment",
            new { datum = "15.12.2026", uhrzeit = "16 Uhr", dienstleistung = "Herrenhaarschnitt", mitarbeiter = "Anna", name = "Paula Anruf" },
            "call_cal_phone", fromNumber: "+4915188776655");
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        await Expect(Appointment(page, "2026-12-15T16:00")).ToContainTextAsync("Paula Anruf", new() { Timeout = 10_000 });

        // The dialog moves Walter onto Anna's 16:00: taken, so the engine's alternatives (Anna's) are offered; one click takes one.
        await Appointment(page, "2026-12-15T14:00").ClickAsync();
        await page.GetByTestId("move-day").FillAsync("2026-12-15");
        await page.GetByTestId("move-time").FillAsync("16:00");
        await page.GetByTestId("move-staff").ClickAsync(); // and back to Anna, in the dialog's staff picker
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Anna Schmidt" }).First.ClickAsync();
        await page.GetByTestId("move-submit").ClickAsync();
        await Expect(page.GetByTestId("action-message")).ToContainTextAsync("schon belegt");
        var alternative = page.GetByTestId("alternative").First;
        await Expect(alternative).ToBeVisibleAsync();
        await browser.ScreenshotAsync("calendar-02-alternatives");
        await alternative.ClickAsync();
        await Expect(Appointment(page, "2026-12-15T14:00")).ToHaveCountAsync(0);
        var walter = page.Locator("[data-testid=appointment]", new() { HasText = "Walter Walkin" });
        await Expect(walter).ToHaveCountAsync(1);
        var movedTo = await walter.GetAttributeAsync("data-start");
        Assert.NotEqual("2026-12-15T16:00", movedTo);
        Assert.Equal("Anna Schmidt", await walter.GetAttributeAsync("data-staff"));
        Assert.Equal("available", await PhoneAsync("14 Uhr", callId: "call_cal_anna14")); // (the same caller: its own hold is no obstacle)
        Assert.Equal("available", await PhoneAsync("14 Uhr", "Mehmet"));

        // Cancelled with a reason: the phone may offer its time again.
        await walter.ClickAsync();
        await page.GetByTestId("cancel-reason").FillAsync("Kunde hat abgesagt");
        await page.GetByTestId("cancel-submit").ClickAsync();
        await Expect(walter).ToHaveCountAsync(0); // cancelled appointments leave the calendar
        var time = DateTime.Parse(movedTo!, System.Globalization.CultureInfo.InvariantCulture);
        if (time.Day == 15) Assert.Equal("available", await PhoneAsync(time.ToString("H:mm", System.Globalization.CultureInfo.InvariantCulture) + " Uhr"));

        // The caller's appointment has begun: it is recorded as a no-show.
        _app.Clock.Now = new DateTimeOffset(2026, 12, 15, 15, 20, 0, TimeSpan.Zero); // 16:20 in Berlin
        // (no reload: the sign-in cookie of 23 November has expired by the clock's 15 December; the open circuit stays)
        await Appointment(page, "2026-12-15T16:00").ClickAsync();
        await page.GetByTestId("status-noshow").ClickAsync();
        await Expect(page.Locator("[data-testid=appointment].status-noshow", new() { HasText = "Paula Anruf" })).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("calendar-03-no-show");
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.Contains("favicon"));
    }

    /// <summary>A low window shows a few rows of the day: only those (and a margin) are drawn,
    /// and scrolling the grid draws the rest as they come into view.</summary>
    [BrowserFact]
    public async Task A_low_window_draws_only_the_rows_in_view_and_scrolling_draws_the_rest()
    {
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1200, height: 560);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/calendar");
        await browser.WaitForCircuitAsync();
        for (var i = 0; i < 3; i++) await page.GetByTestId("calendar-next").ClickAsync(); // the day view of Thursday 26 November, 09–18

        // The browser reports its view: the evening's quarter hours are not drawn yet.
        await Expect(Slot(page, "Anna Schmidt", "2026-11-26T09:00")).ToHaveCountAsync(1);
        await Expect(Slot(page, "Anna Schmidt", "2026-11-26T17:45")).ToHaveCountAsync(0);
        var drawn = await page.Locator("[data-testid=slot][data-staff='Anna Schmidt']").CountAsync();
        Assert.InRange(drawn, 8, 35); // of 36 rows

        await page.GetByTestId("calendar-scroll").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
        await Expect(Slot(page, "Anna Schmidt", "2026-11-26T17:45")).ToHaveCountAsync(1);
        await Expect(Slot(page, "Anna Schmidt", "2026-11-26T09:00")).ToHaveCountAsync(0);
        Assert.DoesNotContain(browser.ConsoleErrors, e => !e.Contains("favicon"));
    }
}
