using Microsoft.Playwright;

namespace AskPro.Tests.Browser;

/// <summary>Markup for the stored-script tests and the check that a page shows it as text. Rendered
/// as markup it would add elements marked <c>data-xss</c> and set <c>window.__xss</c>; the element
/// count holds even where the CSP would stop the script. Problems are collected across pages so a
/// test reports every page that failed, not only the first.</summary>
internal sealed class StoredMarkup
{
    public const string Payload = "<b data-xss>fett</b><img data-xss src=x onerror=window.__xss=1>";

    private readonly List<string> _problems = [];

    /// <summary>The demo app the stored-script tests write into: the booking page answers at once
    /// (no minimum time before submitting), and no Cal.com warm-up runs beside the test.</summary>
    public static Telephony.BookingApp App() => new(new Dictionary<string, string?>
    {
        ["OnlineBooking:MinSecondsToSubmit"] = "0", ["CalCom:WarmupOnStart"] = "false", ["CalCom:WarmupCron"] = Calendars.CalComSalon.NoWarmup,
    });

    public async Task InertAsync(IPage page, string where)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var injected = await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-xss]').length");
        if (injected > 0) _problems.Add($"{where}: {injected} element(s) from stored markup in the page");
        if (await page.EvaluateAsync<bool>("() => window.__xss !== undefined")) _problems.Add($"{where}: stored script ran");
    }

    /// <summary>No page had markup from the store, and the browser logged no error.</summary>
    public void AssertNone(BrowserSession browser)
    {
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }
}
