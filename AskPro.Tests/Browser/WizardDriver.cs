using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>Walks the onboarding wizard as an owner does: types, picks, saves, and waits for the
/// next step. Each method starts on its step and ends on the next one.</summary>
public sealed class WizardDriver(BrowserSession browser)
{
    private IPage Page => browser.Page;

    public async Task FillAsync(ILocator box, string value)
    {
        await box.FillAsync(value);
        await box.PressAsync("Tab");
        await Expect(box).ToHaveValueAsync(value);
    }

    public async Task SelectAsync(string testId, string text)
    {
        await Page.Locator("div.mud-select:not(.mud-input-control)", new() { Has = Page.GetByTestId(testId) }).ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = text }).First.ClickAsync();
        // The choice travels to the server first; go on only once the page shows it.
        await Expect(Page.GetByTestId(testId)).ToHaveTextAsync(text);
    }

    public ILocator Errors => Page.GetByTestId("form-errors");

    public async Task SaveAsync(string saveButton, string nextStep, string? screenshot = null)
    {
        if (screenshot is not null) await browser.ScreenshotAsync(screenshot);
        await Page.GetByTestId(saveButton).ClickAsync();
        await Expect(Page.GetByTestId(nextStep)).ToBeVisibleAsync();
    }

    public async Task CompanyAsync(string industry = "Friseur")
    {
        await SelectAsync("company-industry", industry);
        await SaveAsync("company-save", "step-branches", "onboarding-01-company");
    }

    public async Task BranchAsync(string street = "Invalidenstraße 12", string postalCode = "10115", string city = "Berlin", string phone = "030 5550 7788")
    {
        await FillAsync(Page.GetByTestId("branch-street"), street);
        await FillAsync(Page.GetByTestId("branch-postal"), postalCode);
        await FillAsync(Page.GetByTestId("branch-city"), city);
        await FillAsync(Page.GetByTestId("branch-phone"), phone);
        await SaveAsync("branch-save", "step-services", "onboarding-02-branch");
    }

    public ILocator ServiceRow(int index) => Page.GetByTestId("service-row").Nth(index);

    public Task ServicesAsync() => SaveAsync("services-save", "step-staff", "onboarding-03-services");

    public async Task StaffAsync(string name, string email, params string[] services)
    {
        var row = Page.GetByTestId("staff-row").First;
        await FillAsync(row.GetByTestId("staff-name"), name);
        await FillAsync(row.GetByTestId("staff-email"), email);
        foreach (var service in services) await row.GetByTestId("staff-services").GetByLabel(service, new() { Exact = true }).CheckAsync();
        await SaveAsync("staff-save", "step-hours", "onboarding-04-staff");
    }

    public ILocator HoursRow(int index) => Page.GetByTestId("branch-hours").GetByTestId("hours-row").Nth(index);

    public async Task HoursAsync()
    {
        await Page.GetByTestId("closure-add").ClickAsync();
        var closure = Page.GetByTestId("closure-row").First;
        var christmas = new DateOnly(DateTime.Today.Year, 12, 24) < DateOnly.FromDateTime(DateTime.Today) ? DateTime.Today.Year + 1 : DateTime.Today.Year;
        await FillAsync(closure.GetByTestId("closure-from"), $"{christmas}-12-24");
        await FillAsync(closure.GetByTestId("closure-to"), $"{christmas}-12-26");
        await FillAsync(closure.GetByTestId("closure-reason"), "Weihnachten");
        await SaveAsync("hours-save", "step-calendar", "onboarding-05-hours");
    }

    public Task CalendarAsync() => SaveAsync("calendar-save", "step-agent", "onboarding-06-calendar");
}
