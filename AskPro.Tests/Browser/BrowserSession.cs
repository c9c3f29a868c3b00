using AskPro.Tests.Support;
using Microsoft.Playwright;

namespace AskPro.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright (no browser download is possible here).</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public IPage Page { get; private set; } = null!;

    /// <summary>Errors the page wrote to the console or threw, in order.</summary>
    public List<string> ConsoleErrors { get; } = [];

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<BrowserSession> StartAsync(Uri baseAddress, string locale = "de-DE", int width = 1366, int height = 768)
    {
        var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestServices.Chromium ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        var context = await session._browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale,
            IsMobile = width < 600, HasTouch = width < 600,
        });
        context.SetDefaultTimeout(20_000);
        session.Page = await context.NewPageAsync();
        session.Page.Console += (_, message) => { if (message.Type == "error") session.ConsoleErrors.Add(message.Text); };
        session.Page.PageError += (_, error) => session.ConsoleErrors.Add(error);
        return session;
    }

    /// <summary>Blazor Server ignores clicks until its circuit is up; the layout marks that.</summary>
    public Task WaitForCircuitAsync() =>
        Page.Locator("[data-circuit=on]").WaitForAsync();

    public async Task LogInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByTestId("email").FillAsync(email);
        await Page.GetByTestId("password").FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>Signs out through the user menu.</summary>
    public async Task LogOutAsync()
    {
        await Page.GetByTestId("user-name").ClickAsync();
        await Page.GetByTestId("logout").ClickAsync();
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
