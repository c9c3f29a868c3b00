using System.Net;
using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Notifications;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The salon's public booking page as a customer meets it on a phone (390 px wide):
/// in a real browser against the real app, booking through the engine.</summary>
public sealed class OnlineBookingBrowserTests : IDisposable
{
    private const int PhoneWidth = 390;
    private readonly AppHost _app = new(new Dictionary<string, string?> { ["OnlineBooking:MinSecondsToSubmit"] = "0" });

    public void Dispose() => _app.Dispose();

    [BrowserFact]
    public async Task A_customer_books_on_a_phone_from_service_to_confirmation_and_gets_the_confirmation()
    {
        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress, width: PhoneWidth, height: 844);
        var page = browser.Page;
        await OpenAsync(browser);
        await PickFirstSlotAsync(page, staff: null);
        var hold = await HeldAsync();
        Assert.NotNull(hold);

        await page.GetByTestId("book-name").FillAsync("Lena Online");
        await page.GetByTestId("book-phone").FillAsync("0151 / 234 567 89");
        await page.GetByTestId("book-email").FillAsync("lena.online@example.org");
        await page.GetByTestId("book-consent").ClickAsync();
        await page.GetByTestId("book-submit").ClickAsync();
        await Expect(page.GetByTestId("booked")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("online-booking-390-booked");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= PhoneWidth, "the page scrolls sideways on a phone");

        var booked = await _app.ReadAsync(db => db.Appointments.Where(a => a.Source == AppointmentSource.Online)
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { a.StartUtc, a.StaffId, a.CompanyId, c.Name, c.Phone, c.Email }).SingleAsync());
        Assert.Equal("Lena Online", booked.Name);
        Assert.Equal("+4915123456789", booked.Phone!.Value);
        Assert.Equal(hold.Value.Start, booked.StartUtc);
        Assert.Equal(await SalonIdAsync(), booked.CompanyId);
        Assert.Null(await HeldAsync()); // the hold is released once booked

        // The confirmation goes out through the existing notifications (dev outbox: e-mail and SMS).
        var outbox = _app.Services.GetRequiredService<DevOutbox>();
        await Eventually.Async("the confirmation in the dev outbox", () => Task.FromResult(outbox.Recent.Where(m => m.To is "lena.online@example.org" or "+4915123456789").ToList()),
            mails => mails.Count == 2);
        Assert.Empty(browser.ConsoleErrors);
    }

    [BrowserFact]
    public async Task A_slot_taken_while_the_customer_types_offers_the_engines_alternatives_and_one_of_them_books()
    {
        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress, width: PhoneWidth, height: 844);
        var page = browser.Page;
        await OpenAsync(browser);
        await PickFirstSlotAsync(page, staff: 0);
        var hold = await HeldAsync() ?? throw new InvalidOperationException("nothing held");

        // Someone at the front desk books exactly that time for that staff member meanwhile.
        var salon = await SalonIdAsync();
        var service = await _app.ReadAsync(db => db.Services.Where(s => s.CompanyId == salon && s.Active).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync());
        var desk = await RunInSalonAsync<Book, BookingOutcome>(book => book.RunAsync(new BookRequest(hold.Staff, service, Guid.Empty, hold.Start,
            AppointmentSource.Admin, "test: front desk", Contact: new CustomerContact("Vorne Gebucht", "+4915199988877", null)), default));
        Assert.IsType<BookingOutcome.Booked>(desk);

        await page.GetByTestId("book-name").FillAsync("Tom Später");
        await page.GetByTestId("book-phone").FillAsync("+49 151 11122233");
        await page.GetByTestId("book-consent").ClickAsync();
        await page.GetByTestId("book-submit").ClickAsync();
        await Expect(page.GetByTestId("book-message")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("alternative").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("online-booking-390-taken");
        Assert.Equal(0, await page.GetByTestId("book-form").CountAsync());

        await page.GetByTestId("alternative").First.ClickAsync();
        await Expect(page.GetByTestId("book-form")).ToBeVisibleAsync();
        // What the customer typed is still there; only the time changed.
        await Expect(page.GetByTestId("book-name")).ToHaveValueAsync("Tom Später");
        Assert.True(await page.GetByTestId("book-consent").IsCheckedAsync());
        await page.GetByTestId("book-submit").ClickAsync();
        await Expect(page.GetByTestId("booked")).ToBeVisibleAsync();

        var tom = await _app.ReadAsync(db => db.Appointments.Where(a => a.Source == AppointmentSource.Online).Select(a => a.StartUtc).SingleAsync());
        Assert.NotEqual(hold.Start, tom);
    }

    [BrowserFact]
    public async Task Hostile_input_and_foreign_or_closed_companies_change_nothing()
    {
        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress, width: PhoneWidth, height: 844);
        var page = browser.Page;
        var before = await CountsAsync();

        // Unknown keys: the German not-found page, a 404, nothing about any company.
        foreach (var key in new[] { "gibt-es-nicht", Uri.EscapeDataString("<script>alert(1)</script>"), new string('x', 300) })
        {
            var response = await page.GotoAsync("/book/" + key);
            Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
            await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
            await Expect(page.Locator("body")).Not.ToContainTextAsync(DemoData.Salon.Name);
        }

        await OpenAsync(browser);
        await PickFirstSlotAsync(page, staff: null);
        var tenKb = new string('9', 10_240);
        (string Name, string Phone, string Email)[] hostile =
        [
            ("<script>alert('x')</script>", "+49 151 5550001", "a@example.org"),
            (string.Concat(Enumerable.Repeat("<b>x</b>", 1300)), "+49 151 5550002", ""),
            ("Erika Muster", tenKb, ""),
            ("Erika Muster", "+49 151 5550003", new string('a', 10_240) + "@example.org"),
            ("Robert'); DROP TABLE Customers;--", "+49 151 5550004", "' OR 1=1 --"),
        ];
        foreach (var (name, phone, email) in hostile)
        {
            await page.GetByTestId("book-name").FillAsync(name);
            await page.GetByTestId("book-phone").FillAsync(phone);
            await page.GetByTestId("book-email").FillAsync(email);
            if (!await page.GetByTestId("book-consent").IsCheckedAsync()) await page.GetByTestId("book-consent").ClickAsync();
            await page.GetByTestId("book-submit").ClickAsync();
            await Expect(page.GetByTestId("book-error")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("script:not([src])").Filter(new() { HasText = "alert" }).CountAsync());
        }
        await browser.ScreenshotAsync("online-booking-390-hostile");
        Assert.Equal(before, await CountsAsync());

        // A company that is not live takes no online bookings.
        await _app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Praxis.TenantKey)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CompanyStatus.Suspended)));
        await page.GotoAsync("/book/" + DemoData.Praxis.TenantKey);
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("book-closed")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("service").CountAsync());
    }

    private static async Task OpenAsync(BrowserSession browser)
    {
        await browser.Page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        await Expect(browser.Page.GetByTestId("book-company")).ToHaveTextAsync(DemoData.Salon.Name);
    }

    /// <summary>The first service, a staff member (index) or anyone, the first day with time, its first start.</summary>
    private static async Task PickFirstSlotAsync(IPage page, int? staff)
    {
        await page.GetByTestId("service").First.ClickAsync();
        if (staff is { } index) await page.GetByTestId("staff").Nth(index).ClickAsync();
        else await page.GetByTestId("staff-any").ClickAsync();
        await page.GetByTestId("day").First.ClickAsync();
        await page.GetByTestId("slot").First.ClickAsync();
        await Expect(page.GetByTestId("book-form")).ToBeVisibleAsync();
    }

    /// <summary>The visitor's hold, as the hold store tells anyone else (the earliest held start).</summary>
    private async Task<(Guid Staff, DateTime Start)?> HeldAsync()
    {
        var salon = await SalonIdAsync();
        var staff = await _app.ReadAsync(db => db.Staff.Where(s => s.CompanyId == salon).Select(s => s.Id).ToListAsync());
        var now = DateTime.UtcNow;
        var held = await RunInSalonAsync<IHoldStore, IReadOnlyList<BusyTime>>(holds =>
            holds.HeldByOthersAsync("test: someone else", staff, new AskPro.Core.Shared.TimeInterval(now, now.AddDays(60)), default));
        return held.Count == 0 ? null : held.OrderBy(h => h.Interval.Start).Select(h => (h.StaffId, h.Interval.Start)).First();
    }

    private Task<(int Customers, int Appointments)> CountsAsync() =>
        _app.ReadAsync(async db => (await db.Customers.CountAsync(), await db.Appointments.CountAsync()));

    private Task<Guid> SalonIdAsync() => _app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());

    private async Task<T> RunInSalonAsync<TUseCase, T>(Func<TUseCase, Task<T>> work) where TUseCase : notnull
    {
        var salon = await SalonIdAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(salon));
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }
}
