using System.Net;
using AskPro.Infrastructure.Security;
using AskPro.Tests.Support;
using AskPro.Tools.FakeCalCom;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The salon's admin connects Cal.com on /settings/calendar in a real browser, against
/// a fake Cal.com over real HTTP on loopback: a wrong key is refused in German and nothing is
/// stored; the right key is stored encrypted and never shown again, the event types are listed
/// and the mappings and the calendar choice land in the database.</summary>
public sealed class CalendarSettingsBrowserTests : IAsyncLifetime
{
    private readonly AppHost _app = new();
    private FakeCalComServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon());

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _fake.DisposeAsync();
    }

    [BrowserFact]
    public async Task An_admin_connects_cal_com_maps_services_and_switches_the_calendar()
    {
        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.GotoAsync("/settings/calendar");
        await browser.WaitForCircuitAsync();
        var salon = await _app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        Task<List<Core.Calendars.CalComSettings>> StoredAsync() => _app.ReadAsync(db => db.CalComSettings.Where(s => s.CompanyId == salon).ToListAsync());
        Assert.Empty(await StoredAsync());

        // Wrong key: Cal.com's 401 in German, nothing stored.
        await FillAsync(page, "calcom-base-url", _fake.BaseUrl.ToString());
        await FillAsync(page, "calcom-api-key", "falscher-schluessel");
        await page.GetByTestId("calcom-test").ClickAsync();
        await Expect(page.GetByTestId("calcom-result")).ToContainTextAsync("Cal.com hat den API-Schlüssel abgelehnt");
        Assert.Empty(await StoredAsync());
        await Expect(CalComChoice(page)).ToBeDisabledAsync();

        // A base URL that is not https (and not this machine): refused before anything is sent.
        var seenBefore = _fake.Calendar.Seen.Count;
        await FillAsync(page, "calcom-base-url", "http://cal.example.org/v2");
        await FillAsync(page, "calcom-api-key", FakeCalendar.DemoApiKey);
        await page.GetByTestId("calcom-test").ClickAsync();
        await Expect(page.GetByTestId("calcom-result")).ToContainTextAsync("gültige https-Adresse");
        Assert.Equal(seenBefore, _fake.Calendar.Seen.Count);
        Assert.Empty(await StoredAsync());

        // Right key: stored encrypted, the field emptied, only "gespeichert" shown.
        await FillAsync(page, "calcom-base-url", _fake.BaseUrl.ToString());
        await FillAsync(page, "calcom-api-key", FakeCalendar.DemoApiKey);
        await page.GetByTestId("calcom-test").ClickAsync();
        await Expect(page.GetByTestId("calcom-result")).ToContainTextAsync("Verbindung erfolgreich");
        await Expect(page.GetByTestId("calcom-key-saved")).ToHaveTextAsync("API-Schlüssel gespeichert");
        await Expect(page.GetByTestId("calcom-api-key")).ToHaveValueAsync("");
        var stored = Assert.Single(await StoredAsync());
        Assert.DoesNotContain(FakeCalendar.DemoApiKey, stored.ApiKeyProtected);
        Assert.Equal(FakeCalendar.DemoApiKey, _app.Services.GetRequiredService<SecretProtector>().Unprotect(stored.ApiKeyProtected));
        Assert.Equal(_fake.BaseUrl.ToString().TrimEnd('/'), stored.BaseUrl);
        Assert.False(stored.Active); // connecting does not switch the calendar yet
        Assert.DoesNotContain(FakeCalendar.DemoApiKey, await page.ContentAsync());

        // The webhook subscription: this installation's URL with a new secret, stored encrypted;
        // Cal.com's webhooks signed with it verify, the seeded secret no longer does.
        await Expect(page.GetByTestId("calcom-webhook-state")).ToContainTextAsync("Noch kein Webhook");
        await page.GetByTestId("calcom-register-webhook").ClickAsync();
        await Expect(page.GetByTestId("calcom-webhook-state")).ToContainTextAsync("Cal.com meldet Buchungsänderungen");
        var webhook = Assert.Single(_fake.Calendar.Webhooks);
        Assert.EndsWith("/api/webhooks/calcom/demo-salon", webhook.SubscriberUrl);
        Assert.Contains("BOOKING_CREATED", webhook.Triggers);
        var secret = await _app.ReadAsync(db => db.Companies.Where(c => c.Id == salon).Select(c => c.CalComWebhookSecretProtected).SingleAsync());
        Assert.Equal(webhook.Secret, _app.Services.GetRequiredService<SecretProtector>().Unprotect(secret!));
        Assert.Equal(webhook.Id, Assert.Single(await StoredAsync()).WebhookSubscriptionId);
        using var client = _app.ApiClient(null);
        const string ping = "{\"triggerEvent\":\"PING\",\"payload\":{}}";
        Assert.Equal(HttpStatusCode.OK, (await FakeCalCom.SendAsync(client, ping, webhook.Secret!)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await FakeCalCom.SendAsync(client, ping, DemoData.Salon.CalComSecret)).StatusCode);
        await Expect(page.GetByTestId("calcom-circuit")).ToHaveTextAsync("Verbindung in Ordnung.");

        // Registered again: the new subscription replaces the old one in Cal.com.
        await page.GetByTestId("calcom-register-webhook").ClickAsync();
        await Eventually.Async("the old subscription deleted in Cal.com", () => Task.FromResult(_fake.Calendar.Webhooks), w => w.Count == 1 && w[0].Id != webhook.Id);

        // The alias domain: a wrong one is refused in German, a right one stored.
        await FillAsync(page, "calcom-alias-domain", "kunde@salon.de");
        await page.GetByTestId("calcom-save-account").ClickAsync();
        await Expect(page.GetByTestId("calcom-account-error")).ToContainTextAsync("Bitte geben Sie eine Domain ein");
        Assert.Equal(Core.Calendars.CalComSettings.DefaultAliasEmailDomain, Assert.Single(await StoredAsync()).AliasEmailDomain);
        await FillAsync(page, "calcom-alias-domain", "kunden.salon-demo.de");
        await page.GetByTestId("calcom-save-account").ClickAsync();
        await Eventually.Async("the alias domain stored", async () => Assert.Single(await StoredAsync()).AliasEmailDomain, d => d == "kunden.salon-demo.de");
        await Expect(page.GetByTestId("calcom-account-error")).ToHaveCountAsync(0);

        // The account's event types, listed from Cal.com.
        await Expect(page.GetByTestId("calcom-event-type")).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("calcom-event-types")).ToContainTextAsync("Herrenhaarschnitt");

        // A service mapped to another event type, and one staff member's own event type.
        var (service, seeded) = await _app.ReadAsync(db => db.Services.Where(s => s.CompanyId == salon && s.Name == "Herrenhaarschnitt")
            .Select(s => new ValueTuple<Guid, int?>(s.Id, s.CalComEventTypeId)).SingleAsync());
        Assert.NotEqual(104, seeded);
        await SelectAsync(page, $"map-service-{service}", "Beratung");
        await Eventually.Async("the service's event type stored",
            () => _app.ReadAsync(db => db.Services.Where(s => s.Id == service).Select(s => s.CalComEventTypeId).SingleAsync()), id => id == 104);
        var staff = await _app.ReadAsync(db => db.Staff.Where(s => s.CompanyId == salon).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync());
        await SelectAsync(page, $"map-staff-{staff}-{service}", "Färben");
        await Eventually.Async("the staff member's event type stored",
            () => _app.ReadAsync(db => db.CalComStaffEventTypes.Where(m => m.StaffId == staff && m.ServiceId == service).Select(m => (int?)m.EventTypeId).SingleOrDefaultAsync()),
            id => id == 103);

        // Cal.com becomes the company's calendar.
        await Expect(CalComChoice(page)).ToBeEnabledAsync();
        await CalComChoice(page).ClickAsync();
        await Eventually.Async("Cal.com chosen", async () => Assert.Single(await StoredAsync()).Active, active => active);

        // Each change is in the audit under the admin who made it; the key is in none.
        var admin = await _app.ReadAsync(db => db.Users.Where(u => u.Email == DemoData.Salon.AdminEmail).Select(u => u.Id).SingleAsync());
        var audit = await Eventually.Async("the audit entries", () => _app.ReadAsync(db => db.AuditEntries.Where(a => a.CompanyId == salon && a.Action.StartsWith("calcom.")).ToListAsync()),
            a => a.Any(e => e.Action == "calcom.calendar.choose"));
        Assert.Equal(["calcom.account", "calcom.calendar.choose", "calcom.connect", "calcom.map.service", "calcom.map.staff", "calcom.webhook.register"],
            audit.Select(a => a.Action).Distinct().Order());
        Assert.All(audit, a => Assert.Equal(admin.ToString(), a.Actor));
        Assert.All(audit, a => Assert.DoesNotContain(FakeCalendar.DemoApiKey, a.Details));
        Assert.Empty(browser.ConsoleErrors);
    }

    /// <summary>The second choice, "Cal.com" (the first is the built-in calendar).</summary>
    private static ILocator CalComChoice(IPage page) => page.Locator("input[type=radio]").Nth(1);

    /// <summary>Types and leaves the field: the value reaches the server on change.</summary>
    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }

    private static async Task SelectAsync(IPage page, string testId, string text)
    {
        await page.Locator("div.mud-select:not(.mud-input-control)", new() { Has = page.GetByTestId(testId) }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First.ClickAsync();
    }
}
