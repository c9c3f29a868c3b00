using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Waitlist;
using AskPro.Core.Waitlist.JoinWaitlist;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Tests.Waitlist;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The waitlist as customers and staff meet it, in a real browser against the real app:
/// a customer who finds no day with free time joins from the booking page; a cancellation sends
/// the first in line a link whose page books the slot, and the next one to click is shown
/// alternatives; staff see who waits.</summary>
public sealed partial class WaitlistBrowserTests : IDisposable
{
    private const int PhoneWidth = 390;
    private readonly AppHost _app = new(new Dictionary<string, string?> { ["OnlineBooking:MinSecondsToSubmit"] = "0" });

    private WaitlistSalon Salon => new(_app);

    public void Dispose() => _app.Dispose();

    [BrowserFact]
    public async Task No_day_with_free_time_on_the_booking_page_leads_to_the_waitlist_and_staff_see_the_entry()
    {
        // The salon is closed for the next three weeks: the picker's first page has no day with time.
        var today = DateOnly.FromDateTime(BranchClock.ToLocal(DateTime.UtcNow, "Europe/Berlin").DateTime);
        await Salon.RunAsync<AskProDbContext, int>(async db =>
        {
            var branch = await db.Branches.SingleAsync();
            branch.Closures = [.. branch.Closures, new Closure { From = today, To = today.AddDays(21), Reason = "Umbau" }];
            return await db.SaveChangesAsync();
        });

        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress, width: PhoneWidth, height: 844);
        var page = browser.Page;
        await page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("service").First.ClickAsync();
        await page.GetByTestId("staff-any").ClickAsync();
        await Expect(page.GetByTestId("no-days")).ToBeVisibleAsync();
        await page.GetByTestId("waitlist-open").ClickAsync();
        await Expect(page.GetByTestId("waitlist-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("waitlist-from")).ToHaveValueAsync(today.ToString("yyyy-MM-dd"));

        // Hostile input changes nothing.
        var before = await CountsAsync();
        await page.GetByTestId("waitlist-name").FillAsync("<script>alert('x')</script>");
        await page.GetByTestId("waitlist-phone").FillAsync("+49 151 5550001");
        await page.GetByTestId("waitlist-consent").ClickAsync();
        await page.GetByTestId("waitlist-submit").ClickAsync();
        await Expect(page.GetByTestId("waitlist-error")).ToBeVisibleAsync();
        await page.GetByTestId("waitlist-name").FillAsync("Wanda Warteliste");
        await page.GetByTestId("waitlist-phone").FillAsync(new string('9', 10_240));
        await page.GetByTestId("waitlist-submit").ClickAsync();
        await Expect(page.GetByTestId("waitlist-error")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("script:not([src])").Filter(new() { HasText = "alert" }).CountAsync());
        Assert.Equal(before, await CountsAsync());

        await page.GetByTestId("waitlist-phone").FillAsync("0151 / 222 333 44");
        await page.GetByTestId("waitlist-email").FillAsync("wanda@example.org");
        await page.GetByTestId("waitlist-submit").ClickAsync();
        await Expect(page.GetByTestId("waitlist-joined")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("waitlist-390-joined");
        var entry = await _app.ReadAsync(db => db.WaitlistEntries.Join(db.Customers, e => e.CustomerId, c => c.Id, (e, c) => new { e, c.Name, c.Phone })
            .Where(x => x.Name == "Wanda Warteliste").SingleAsync());
        Assert.Equal((today, today.AddDays(13), AppointmentSource.Online, WaitlistStatus.Waiting, (Guid?)null, "+4915122233344"),
            (entry.e.FromDay, entry.e.ToDay, entry.e.Source, entry.e.Status, entry.e.StaffId, entry.Phone!.Value));

        // Staff see her on the waitlist.
        await browser.LogInAsync(DemoData.SalonTeamEmail, DemoData.SalonTeamPassword);
        await page.GotoAsync("/waitlist");
        var row = page.GetByTestId("waitlist-row").Filter(new() { HasText = "Wanda Warteliste" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("waitlist-status")).ToHaveTextAsync("wartet");
        Assert.Empty(browser.ConsoleErrors);
    }

    [BrowserFact]
    public async Task The_offer_link_books_the_freed_slot_and_the_second_to_click_finds_it_taken_and_books_an_alternative()
    {
        var (branch, service, anna) = await Salon.HaircutWithAnnaAsync();
        var today = DateOnly.FromDateTime(BranchClock.ToLocal(DateTime.UtcNow, "Europe/Berlin").DateTime);
        var day = today.AddDays(22);
        while (day.DayOfWeek != DayOfWeek.Tuesday) day = day.AddDays(1);
        var start = BranchClock.ToUtc(day.ToDateTime(new TimeOnly(11, 0)), "Europe/Berlin");
        var booked = await Salon.RunAsync<Book, BookingOutcome>(book => book.RunAsync(new BookRequest(anna, service, Guid.Empty, start, AppointmentSource.Admin,
            "test: front desk", Contact: new CustomerContact("Frieda Früh", "+4915170000001", null)), default));
        var appointment = Assert.IsType<BookingOutcome.Booked>(booked).Appointment;
        foreach (var who in new[] { "erste", "zweite" })
        {
            Assert.IsType<JoinWaitlistOutcome.Joined>(await Salon.RunAsync<JoinWaitlist, JoinWaitlistOutcome>(join => join.RunAsync(new JoinWaitlistRequest(
                branch, service, null, day, day, Guid.Empty, new CustomerContact("Die " + who, null, $"{who}@example.org"), AppointmentSource.Online, "online"), default)));
            await Task.Delay(20); // first come, first served: distinct join times
        }
        Assert.IsType<CancelOutcome.Cancelled>(await Salon.RunAsync<Cancel, CancelOutcome>(cancel => cancel.RunAsync(
            new CancelRequest(appointment.Id, null, AppointmentSource.Admin, "test: front desk"), default)));
        var first = (await Eventually.Async("the first offer", () => Task.FromResult(Salon.MailsTo("erste@example.org")), m => m.Count == 1)).Single();
        var second = (await Eventually.Async("the second offer", () => Task.FromResult(Salon.MailsTo("zweite@example.org")), m => m.Count == 1)).Single();

        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress, width: PhoneWidth, height: 844);
        var page = browser.Page;
        await OpenAsync(browser, first.Text);
        await Expect(page.GetByTestId("offer-detail")).ToContainTextAsync("Herrenhaarschnitt");
        await page.GetByTestId("offer-book").ClickAsync();
        await Expect(page.GetByTestId("offer-booked")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("waitlist-390-offer-booked");
        var mine = await _app.ReadAsync(db => db.Appointments.Where(a => a.StartUtc == start && a.StaffId == anna && a.Status == AppointmentStatus.Scheduled)
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => c.Email).SingleAsync());
        Assert.Equal("erste@example.org", mine);

        // The same link again: what it booked, nothing more.
        await OpenAsync(browser, first.Text);
        await Expect(page.GetByTestId("offer-booked")).ToContainTextAsync("schon gebucht");

        // The second one clicks too late: taken, alternatives offered, one of them booked.
        await OpenAsync(browser, second.Text);
        await page.GetByTestId("offer-book").ClickAsync();
        await Expect(page.GetByTestId("offer-taken")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("waitlist-390-offer-taken");
        await page.GetByTestId("alternative").First.ClickAsync();
        await Expect(page.GetByTestId("offer-booked")).ToBeVisibleAsync();
        Assert.Equal(1, await _app.ReadAsync(db => db.Appointments.Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { a.Status, c.Email })
            .CountAsync(x => x.Email == "zweite@example.org" && x.Status == AppointmentStatus.Scheduled)));

        Assert.Empty(browser.ConsoleErrors);

        // A forged link is the not-found page.
        var response = await page.GotoAsync("/waitlist/gibt-es-nicht");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
    }

    private static async Task OpenAsync(BrowserSession browser, string mailText)
    {
        var path = OfferPath().Match(mailText);
        Assert.True(path.Success, "no offer link in: " + mailText);
        await browser.Page.GotoAsync(path.Value);
        await browser.WaitForCircuitAsync();
    }

    private Task<(int Entries, int Customers)> CountsAsync() =>
        _app.ReadAsync(async db => (await db.WaitlistEntries.CountAsync(), await db.Customers.CountAsync()));

    [System.Text.RegularExpressions.GeneratedRegex(@"/waitlist/[A-Za-z0-9_\-]+")]
    private static partial System.Text.RegularExpressions.Regex OfferPath();
}
