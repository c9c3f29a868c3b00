using System.Text.Json.Nodes;
using AskPro.Core.Scheduling;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>Markup stored through the channels a stranger can write to — a signed Cal.com booking
/// (attendee name, e-mail, notes), the public booking page and its waitlist form — in a real
/// browser on every portal page that shows what they stored: calendar and its appointment dialog,
/// appointments, customers, the customer's page, waitlist, audit, the inbox's payload view. Names
/// refuse markup (a Cal.com attendee becomes "Cal.com-Gast"); an e-mail address may carry it in a
/// quoted local part, and is shown as that text. The payloads would add elements marked
/// <c>data-xss</c> and set <c>window.__xss</c>; neither may happen (the element check holds even
/// where the CSP would stop the script). The company's own names (service, staff), typed with
/// markup into the settings pages, likewise reach the public booking page as text.</summary>
public sealed class StoredScriptBrowserTests : IDisposable
{
    private const string Markup = StoredMarkup.Payload;

    /// <summary>Valid addresses: RFC 5321 allows all of this inside a quoted local part.</summary>
    private const string CalEmail = "\"" + Markup + "cal\"@example.org", OnlineEmail = "\"" + Markup + "online\"@example.org",
        WaitlistEmail = "\"" + Markup + "warte\"@example.org";

    private readonly BookingApp _app = StoredMarkup.App();

    public void Dispose() => _app.Dispose();

    [BrowserFact]
    public async Task Markup_from_cal_com_the_booking_page_and_the_waitlist_form_is_shown_as_text_on_every_page()
    {
        var calUid = await BookThroughCalComAsync();
        var calCustomer = await _app.ReadAsync(db => db.Appointments.Where(a => a.ExternalUid == calUid)
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { c.Id, c.Name, c.Email, a.Source }).SingleAsync());
        Assert.Equal(("Cal.com-Gast", CalEmail, AppointmentSource.CalCom), (calCustomer.Name, calCustomer.Email, calCustomer.Source)); // the name refused, the address kept as typed

        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        var stored = new StoredMarkup();
        Task InertAsync(string where) => stored.InertAsync(page, where);

        // A visitor of the booking page joins the waitlist, then books; both with markup in the address.
        await page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("service").First.ClickAsync();
        await page.GetByTestId("staff-any").ClickAsync();
        await page.GetByTestId("waitlist-open").ClickAsync();
        await page.GetByTestId("waitlist-name").FillAsync("Wanda Warte");
        await page.GetByTestId("waitlist-phone").FillAsync("0151 / 222 333 44");
        await page.GetByTestId("waitlist-email").FillAsync(WaitlistEmail);
        await page.GetByTestId("waitlist-consent").ClickAsync();
        await page.GetByTestId("waitlist-submit").ClickAsync();
        await Expect(page.GetByTestId("waitlist-joined")).ToBeVisibleAsync();
        await InertAsync("/book after joining the waitlist");

        await page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("service").First.ClickAsync();
        await page.GetByTestId("staff-any").ClickAsync();
        await page.GetByTestId("day").First.ClickAsync();
        await page.GetByTestId("slot").First.ClickAsync();
        await page.GetByTestId("book-name").FillAsync("Berta Buchung");
        await page.GetByTestId("book-phone").FillAsync("0151 / 234 567 89");
        await page.GetByTestId("book-email").FillAsync(OnlineEmail);
        await page.GetByTestId("book-consent").ClickAsync();
        await page.GetByTestId("book-submit").ClickAsync();
        await Expect(page.GetByTestId("booked")).ToBeVisibleAsync();
        await InertAsync("/book after booking");
        var online = await _app.ReadAsync(db => db.Customers.Where(c => c.Name == "Berta Buchung").Select(c => new { c.Id, c.Email }).SingleAsync());
        var waiting = await _app.ReadAsync(db => db.Customers.Where(c => c.Name == "Wanda Warte").Select(c => new { c.Id, c.Email }).SingleAsync());
        Assert.Equal((OnlineEmail, WaitlistEmail), (online.Email, waiting.Email));

        // The salon's admin on every page that shows these records.
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await InertAsync("/");

        await page.GotoAsync("/calendar");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("calendar-week").ClickAsync();
        for (var i = 0; i < 3; i++) await page.GetByTestId("calendar-next").ClickAsync();
        var calAppointment = page.Locator("[data-testid=appointment][data-start='2026-12-16T10:00']");
        await Expect(calAppointment).ToContainTextAsync("Cal.com-Gast");
        await InertAsync("/calendar");
        await calAppointment.ClickAsync();
        await Expect(page.GetByTestId("appointment-title")).ToHaveTextAsync("Herrenhaarschnitt · Cal.com-Gast");
        await InertAsync("/calendar appointment dialog");

        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("appointments-grid").Locator("tbody tr").First).ToContainTextAsync("Cal.com-Gast"); // the latest start comes first
        await InertAsync("/appointments");

        await page.GotoAsync("/customers");
        await browser.WaitForCircuitAsync();
        foreach (var (name, email) in new[] { ("Cal.com-Gast", CalEmail), ("Berta Buchung", OnlineEmail), ("Wanda Warte", WaitlistEmail) })
        {
            await page.GetByTestId("customer-search").FillAsync(name);
            await page.GetByTestId("customer-find").ClickAsync();
            await Expect(page.GetByTestId("customers-grid").Locator("tbody tr", new() { HasText = name })).ToContainTextAsync(email);
            await InertAsync($"/customers search {name}");
        }

        foreach (var (id, email) in new[] { (calCustomer.Id, CalEmail), (online.Id, OnlineEmail), (waiting.Id, WaitlistEmail) })
        {
            await page.GotoAsync($"/customers/{id}");
            await browser.WaitForCircuitAsync();
            await Expect(page.GetByTestId("edit-email")).ToHaveValueAsync(email);
            await InertAsync($"/customers/{id}");
        }

        await page.GotoAsync("/waitlist");
        await browser.WaitForCircuitAsync();
        await Expect(page.GetByTestId("waitlist-row").Filter(new() { HasText = "Wanda Warte" })).ToBeVisibleAsync();
        await InertAsync("/waitlist");

        await page.GotoAsync("/audit");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("audit-actor").FillAsync("calcom");
        await page.GetByTestId("audit-apply").ClickAsync();
        await Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("appointment.book");
        await InertAsync("/audit");

        // The delivery itself, as the inbox's payload view shows it: the raw attendee, notes and all.
        await page.GotoAsync("/operations/inbox");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("inbox-show").First.ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync(calUid);
        await Expect(page.Locator("body")).ToContainTextAsync("<b data-xss>fett</b>");
        await InertAsync("/operations/inbox payload");

        stored.AssertNone(browser);
    }

    /// <summary>The company's own names (a service, a staff member), typed into the settings pages
    /// with markup — the directory takes any printable text there — are text everywhere they
    /// appear: the settings lists, dashboard, calendar, appointments, a customer's page and, for
    /// every visitor, the public booking page.</summary>
    [BrowserFact]
    public async Task Markup_in_a_service_and_a_staff_name_is_text_in_the_portal_and_on_the_public_booking_page()
    {
        const string Service = "Herrenhaarschnitt " + Markup, Staff = "Anna Schmidt " + Markup;
        await using var browser = await BrowserSession.StartAsync(_app.Host.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        var stored = new StoredMarkup();
        Task InertAsync(string where) => stored.InertAsync(page, where);

        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/settings/services");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("service-item").Filter(new() { HasText = "Herrenhaarschnitt" }).ClickAsync();
        await Expect(page.GetByTestId("service-name")).ToHaveValueAsync("Herrenhaarschnitt"); // the form is loaded: typing now is not overwritten
        await page.GetByTestId("service-name").FillAsync(Service);
        await page.GetByTestId("service-name").PressAsync("Tab"); // the field takes its value on change: leave it, and wait until
        await Expect(page.GetByTestId("service-form").Locator("h2").First).ToHaveTextAsync(Service); // the form heading shows it, before saving
        await page.GetByTestId("service-save").ClickAsync();
        await Expect(page.GetByTestId("service-list")).ToContainTextAsync(Service, new() { Timeout = 15_000 });
        await InertAsync("/settings/services");

        await page.GotoAsync("/settings/staff");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("staff-item").Filter(new() { HasText = "Anna Schmidt" }).ClickAsync();
        await Expect(page.GetByTestId("staff-name")).ToHaveValueAsync("Anna Schmidt");
        await page.GetByTestId("staff-name").FillAsync(Staff);
        await page.GetByTestId("staff-name").PressAsync("Tab");
        await Expect(page.GetByTestId("staff-form").Locator("h2").First).ToHaveTextAsync(Staff);
        await page.GetByTestId("staff-save").ClickAsync();
        await Expect(page.GetByTestId("staff-list")).ToContainTextAsync(Staff, new() { Timeout = 15_000 });
        await InertAsync("/settings/staff");
        Assert.Equal((1, 1), await _app.ReadAsync(async db => (await db.Services.CountAsync(x => x.Name == Service), await db.Staff.CountAsync(x => x.Name == Staff))));

        var customer = await _app.ReadAsync(db => db.Appointments.Where(a => db.Services.Any(x => x.Id == a.ServiceId && x.Name == Service))
            .Select(a => a.CustomerId).FirstAsync());
        foreach (var path in new[] { "/", "/calendar", "/appointments", $"/customers/{customer}" })
        {
            await page.GotoAsync(path);
            await browser.WaitForCircuitAsync();
            await Expect(page.Locator("body")).ToContainTextAsync(path == "/calendar" ? Staff : Service);
            await InertAsync(path);
        }

        await browser.LogOutAsync();
        await page.GotoAsync("/book/" + DemoData.Salon.TenantKey);
        await browser.WaitForCircuitAsync();
        var service = page.GetByTestId("service").Filter(new() { HasText = Service });
        await Expect(service).ToBeVisibleAsync();
        await service.ClickAsync();
        await Expect(page.GetByTestId("staff").Filter(new() { HasText = Staff })).ToBeVisibleAsync();
        await InertAsync("/book");

        stored.AssertNone(browser);
    }

    /// <summary>A signed BOOKING_CREATED (Herrenhaarschnitt = event type 1002 with Anna, a free
    /// Wednesday three weeks ahead) whose attendee name, e-mail and every notes field carry markup;
    /// processed by the inbox into an appointment and a customer.</summary>
    private async Task<string> BookThroughCalComAsync()
    {
        var uid = "cal_markup_" + Guid.NewGuid().ToString("N")[..8];
        var body = new JsonObject
        {
            ["triggerEvent"] = "BOOKING_CREATED", ["createdAt"] = DateTimeOffset.UtcNow.ToString("o"),
            ["payload"] = new JsonObject
            {
                ["uid"] = uid, ["eventTypeId"] = 1002, ["title"] = Markup, ["startTime"] = "2026-12-16T10:00:00+01:00", ["endTime"] = "2026-12-16T10:30:00+01:00",
                ["description"] = Markup, ["additionalNotes"] = Markup,
                ["responses"] = new JsonObject { ["name"] = Markup, ["notes"] = new JsonObject { ["value"] = Markup } },
                ["attendees"] = new JsonArray(new JsonObject { ["name"] = Markup + " Kalle", ["email"] = CalEmail, ["timeZone"] = "Europe/Berlin" }),
                ["organizer"] = new JsonObject { ["email"] = "schmidt@demo-salon.demo", ["name"] = "Anna" },
            },
        }.ToJsonString();
        using var sent = await FakeCalCom.SendAsync(_app.Host.ApiClient(null), body);
        Assert.True(sent.IsSuccessStatusCode, $"{(int)sent.StatusCode}");
        await Drain.InboxAsync(_app.Host.Services, "calcom");
        var error = await _app.ReadAsync(db => db.Inbox.Where(i => i.EventKey.Contains(uid)).Select(i => i.LastError).SingleAsync());
        Assert.True(string.IsNullOrEmpty(error), error);
        return uid;
    }
}
