using System.Diagnostics;
using AskPro.Core.Scheduling;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static AskPro.Tests.Browser.SimulatorBrowserTests;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>Issue 13's "must be true": the demo salon switched to the fake Cal.com
/// (<c>Demo:CalComBaseUrl</c>, as the README's command does) books by phone through the
/// simulator's signed function calls; the booking is in the fake and in the portal. Then the
/// fake is stopped mid-run: the caller hears German sentences offering a callback, the callback
/// request is stored, no call waits past Cal.com's overall 8 s, and no page errors.</summary>
public sealed class CalComDemoBrowserTests : IAsyncLifetime
{
    private FakeCalComServer? _fake;
    private AppHost _app = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon());
        _app = new AppHost(new()
        {
            ["Demo:CalComBaseUrl"] = _fake.BaseUrl.ToString(), ["CalCom:WarmupOnStart"] = "false", ["CalCom:WarmupCron"] = Calendars.CalComSalon.NoWarmup,
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        if (_fake is not null) await _fake.DisposeAsync();
    }

    [BrowserFact]
    public async Task The_demo_salon_books_into_the_fake_Cal_com_through_the_simulator_and_a_stopped_Cal_com_gives_German_answers_and_callbacks()
    {
        var day = NextTuesday(DateTime.Today.AddDays(21));
        const string customer = "Carla Calcom";
        const string caller = "+49 171 5551313";
        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/simulator");
        await browser.WaitForCircuitAsync();
        var from = page.GetByTestId("sim-from");
        await from.FillAsync(caller);
        await from.PressAsync("Tab");

        await FillAsync(page, "dienstleistung", "Herrenhaarschnitt");
        await FillAsync(page, "mitarbeiter", "Anna");
        await FillAsync(page, "datum", day.ToString("dd.MM.yyyy"));
        await FillAsync(page, "uhrzeit", "10 Uhr");
        await FillAsync(page, "name", customer);
        await page.GetByTestId("sim-send").ClickAsync();
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("frei");
        await ChooseAsync(page, "book_appointment");
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("gebucht");

        // In the fake Cal.com, with our appointment's id, and confirmed here with its uid.
        var appointment = await _app.ReadAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => db.Customers.Any(c => c.Id == a.CustomerId && c.Name == customer)));
        Assert.NotEqual(AppointmentStatus.Pending, appointment.Status);
        var booking = Assert.Single(_fake!.Calendar.Bookings, b => b.IsActive && b.Metadata.GetValueOrDefault("askpro_appointment_id") == appointment.Id.ToString());
        Assert.Equal(booking.Uid, appointment.ExternalUid);
        Assert.Equal(appointment.StartUtc, booking.Start.UtcDateTime);

        // In the portal.
        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        await PortalBrowserTests.FilterCustomersAsync(page, "Carla");
        await Expect(page.Locator("[data-testid=appointments-grid] tbody tr", new() { HasText = customer })).ToContainTextAsync($"{day:dd.MM.yyyy} 10:00");

        // Cal.com goes away mid-run.
        await _fake.DisposeAsync();
        _fake = null;
        await page.GotoAsync("/simulator");
        await browser.WaitForCircuitAsync();
        await from.FillAsync(caller);
        await from.PressAsync("Tab");
        var later = day.AddDays(7); // a day nobody has loaded: Cal.com must be asked
        await FillAsync(page, "dienstleistung", "Herrenhaarschnitt");
        await FillAsync(page, "mitarbeiter", "Anna");
        await FillAsync(page, "datum", later.ToString("dd.MM.yyyy"));
        await FillAsync(page, "uhrzeit", "11 Uhr");
        await FillAsync(page, "name", customer);
        var watch = Stopwatch.StartNew();
        await page.GetByTestId("sim-send").ClickAsync();
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("nicht erreichbar");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(9), $"the answer took {watch.Elapsed.TotalSeconds:0.0} s");
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("Rückruf");

        watch.Restart();
        await ChooseAsync(page, "book_appointment");
        await Expect(page.GetByTestId("sim-envelope")).ToContainTextAsync("\"callback_offered\": true");
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("Rückruf");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(9), $"the answer took {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(1, await _app.ReadAsync(db => db.Appointments.CountAsync(a => a.Status != AppointmentStatus.Cancelled && db.Customers.Any(c => c.Id == a.CustomerId && c.Name == customer))));

        // The caller takes the offer: a callback request for staff.
        await ChooseAsync(page, "request_callback");
        await Expect(page.GetByTestId("sim-message")).ToContainTextAsync("zurück");
        var callbacks = await _app.ReadAsync(db => db.CallbackRequests.AsNoTracking().ToListAsync());
        Assert.Single(callbacks, c => c.Phone?.Value == "+491715551313");

        await Expect(page.Locator("#blazor-error-ui")).Not.ToBeVisibleAsync();
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }
}
