using AskPro.Core.Notifications;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The salon's admin words the booking confirmation on /settings/messages in a real
/// browser: an unknown placeholder is refused in German and nothing is stored, the preview shows
/// the example appointment with markup encoded, the saved text is the company's own (audited),
/// and restoring the default removes it.</summary>
public sealed class MessageTemplatesBrowserTests : IDisposable
{
    private readonly AppHost _app = new();

    public void Dispose() => _app.Dispose();

    [BrowserFact]
    public async Task An_admin_edits_previews_saves_and_resets_the_confirmation()
    {
        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.GotoAsync("/settings/messages");
        await browser.WaitForCircuitAsync();
        var salon = await _app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        Task<List<MessageTemplate>> StoredAsync() => _app.ReadAsync(db => db.MessageTemplates.Where(t => t.CompanyId == salon).ToListAsync());
        var before = await StoredAsync();
        await Expect(page.GetByTestId("template-origin")).ToHaveTextAsync("Standardtext von AskPro.");
        await Expect(page.GetByTestId("template-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Ihr Termin für \\{dienstleistung\\}"));

        await FillAsync(page, "template-subject", "Gebucht: {dienstleistung}");
        await FillAsync(page, "template-body", "Hallo {kundin}, bis {datum}!");
        await page.GetByTestId("template-save").ClickAsync();
        await Expect(page.GetByTestId("template-error")).ToContainTextAsync("Unbekannter Platzhalter {kundin}.");
        Assert.Equal(before.Count, (await StoredAsync()).Count);

        await FillAsync(page, "template-body", "Hallo {kunde} <img src=x onerror=alert(1)>, bis {datum} um {uhrzeit}.\n\n{link}");
        await page.GetByTestId("template-preview-button").ClickAsync();
        await Expect(page.GetByTestId("template-preview-subject")).ToHaveTextAsync("Gebucht: Damenhaarschnitt");
        await Expect(page.GetByTestId("template-preview-html")).ToContainTextAsync("Hallo Lena Beispiel <img src=x onerror=alert(1)>, bis Dienstag, 24. November 2026 um 14:30 Uhr.");
        Assert.Equal(0, await page.GetByTestId("template-preview-html").Locator("img").CountAsync());

        await page.GetByTestId("template-save").ClickAsync();
        await Expect(page.GetByTestId("template-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("template-origin")).ToHaveTextAsync("Eigener Text dieses Betriebs.");
        var own = Assert.Single(await StoredAsync(), t => t.Kind == MessageKind.Confirmation && t.Channel == MessageChannel.Email && t.Language == "de");
        Assert.Equal("Gebucht: {dienstleistung}", own.Subject);
        Assert.Equal(1, await _app.ReadAsync(db => db.AuditEntries.CountAsync(a => a.CompanyId == salon && a.Action == "message-template.save")));
        await browser.ScreenshotAsync("message-templates-saved");

        // SMS in English: no subject field, its own default.
        await page.GetByTestId("template-channel-Sms").ClickAsync();
        await page.GetByTestId("template-language-en").ClickAsync();
        await Expect(page.GetByTestId("template-subject")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("template-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^\\{firma\\}: your appointment"));

        await page.GetByTestId("template-channel-Email").ClickAsync();
        await page.GetByTestId("template-language-de").ClickAsync();
        await page.GetByTestId("template-reset").ClickAsync();
        await Expect(page.GetByTestId("template-origin")).ToHaveTextAsync("Standardtext von AskPro.");
        Assert.DoesNotContain(await StoredAsync(), t => t.Kind == MessageKind.Confirmation && t.Channel == MessageChannel.Email && t.Language == "de");
        Assert.Empty(browser.ConsoleErrors);
    }

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }
}
