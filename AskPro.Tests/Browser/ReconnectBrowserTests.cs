using System.Text.RegularExpressions;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The server goes away under an open page and comes back: the user sees AskPro's
/// German reconnect dialog, and afterwards the page works again (the restarted server does not
/// know the old circuit, so the page reloads itself and keeps the sign-in).</summary>
public sealed class ReconnectBrowserTests
{
    [BrowserFact]
    public async Task Stopping_the_server_shows_the_German_reconnect_dialog_and_a_restart_brings_the_page_back()
    {
        var folder = TestServices.NewTempDirectory("askpro-reconnect");
        var port = TestServices.FreePort();
        try
        {
            var first = new AppHost([], folder: folder, port: port);
            await using var browser = await BrowserSession.StartAsync(first.BaseAddress);
            var page = browser.Page;
            await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
            await browser.WaitForCircuitAsync();
            await page.Locator("nav a", new() { HasText = "Termine" }).ClickAsync();
            await Expect(page.Locator("[data-testid=appointments-grid] tbody tr").First).ToBeVisibleAsync();
            var dialog = page.Locator("#components-reconnect-modal");
            await Expect(dialog).Not.ToBeVisibleAsync();

            await first.DisposeAsync(); // the server stops; the browser keeps the page
            await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(dialog).ToContainTextAsync("Verbindung unterbrochen");
            await Expect(dialog.Locator(".askpro-reconnect-retrying, .askpro-reconnect-failed").Locator("visible=true").First).ToBeVisibleAsync();
            await browser.ScreenshotAsync("50-reconnect-dialog");

            await using var second = new AppHost([], folder: folder, port: port);
            _ = second.BaseAddress; // starts it on the same port, over the same database
            // If the retries have given up by now, the dialog's own button asks again.
            var retry = page.Locator("#components-reconnect-button");
            if (await retry.IsVisibleAsync()) await retry.ClickAsync();

            await Expect(dialog).Not.ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(page).ToHaveURLAsync(new Regex("/appointments$"));
            await browser.WaitForCircuitAsync();
            await Expect(page.Locator("[data-testid=appointments-grid] tbody tr").First).ToBeVisibleAsync();
            await page.Locator("nav a", new() { HasText = "Kunden" }).ClickAsync(); // clicks work again
            await Expect(page.GetByTestId("customers-grid")).ToBeVisibleAsync();
            await browser.ScreenshotAsync("51-reconnected");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a file still open by the stopping host; the OS cleans temp */ }
        }
    }
}
