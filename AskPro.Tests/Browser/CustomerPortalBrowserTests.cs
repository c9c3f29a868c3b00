using AskPro.Tests.CustomerPortal;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The customer portal in a real browser on a phone: from a sign-in link to the appointment, move it (a change notice follows), then cancel it.</summary>
public sealed class CustomerPortalBrowserTests : IDisposable
{
    private readonly AppHost _app = new();

    public void Dispose() => _app.Dispose();

    [BrowserFact]
    public async Task A_customer_opens_the_link_sees_the_appointment_moves_it_and_cancels_it()
    {
        var world = new CustomerPortalWorld(_app);
        var mine = await world.BookAsync(DemoData.Salon.TenantKey, "Bea Browser", "bea@example.org", "+4915170002001", DateTime.UtcNow.Date.AddDays(3).AddHours(9));
        var (_, link) = await world.RequestLinkAsync(DemoData.Salon.TenantKey, "bea@example.org", "bea@example.org", mine.Id);

        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress, width: 390, height: 844);
        await browser.Page.GotoAsync(link!);
        await browser.WaitForCircuitAsync();
        await Expect(browser.Page.GetByTestId("appointment-focused")).ToBeVisibleAsync();

        // Moved to the last offered day's first free time: the engine moves it and a change notice follows.
        // Not the second day: that is tomorrow, whose first time lies inside the cancellation notice
        // when the test runs in the morning, and then the cancel below is rightly refused as too late.
        await browser.Page.GetByTestId("move").First.ClickAsync();
        await browser.Page.GetByTestId("move-day").Last.ClickAsync();
        await browser.Page.GetByTestId("move-slot").First.ClickAsync();
        await Expect(browser.Page.GetByTestId("portal-notice")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Termin ist verschoben|appointment is moved"));
        var moved = await _app.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Appointments, a => a.Id == mine.Id));
        Assert.NotEqual(mine.StartUtc, moved.StartUtc);
        await Eventually.Async("a change notice for the moved appointment",
            () => _app.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CustomerMessages,
                m => m.AppointmentId == mine.Id && m.Kind == AskPro.Core.Notifications.MessageKind.Change)),
            count => count > 0);
        await browser.ScreenshotAsync("customer-portal-390-moved");

        await browser.Page.GetByTestId("cancel").First.ClickAsync();
        await browser.Page.GetByTestId("cancel-yes").ClickAsync();
        // The move's notice is still on screen: wait for the cancellation's own words, not for any notice
        // (the row was read while the cancel was still in flight).
        await Expect(browser.Page.GetByTestId("portal-notice")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Termin ist abgesagt|appointment is cancelled"));
        await browser.ScreenshotAsync("customer-portal-390-cancelled");
        Assert.Equal(AskPro.Core.Scheduling.AppointmentStatus.Cancelled,
            await _app.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Appointments, a => a.Id == mine.Id)).ContinueWith(t => t.Result.Status));
        Assert.Empty(browser.ConsoleErrors);
    }
}
