using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>A new business owner on the sign-up page, as a person does it: the form, the mail in
/// the dev outbox (GET /dev/outbox.json), the link.</summary>
public static partial class SignUpFlow
{
    public const string Password = "Neu!Kunde2026";

    public static async Task SubmitAsync(IPage page, string company, string name, string email, string password = Password, bool terms = true)
    {
        await page.GotoAsync("/signup");
        await page.GetByTestId("signup-company").FillAsync(company);
        await page.GetByTestId("signup-name").FillAsync(name);
        await page.GetByTestId("signup-email").FillAsync(email);
        await page.GetByTestId("signup-password").FillAsync(password);
        if (terms) await page.GetByTestId("signup-terms").CheckAsync();
        await page.GetByTestId("signup-submit").ClickAsync();
    }

    /// <summary>The newest mail to the address, from the outbox endpoint.</summary>
    public static async Task<OutboxMail> MailToAsync(Uri app, string email, string subjectContains)
    {
        using var http = new HttpClient { BaseAddress = app };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var mails = await http.GetFromJsonAsync<List<OutboxMail>>("/dev/outbox.json") ?? [];
            if (mails.FirstOrDefault(m => m.To == email && m.Subject.Contains(subjectContains, StringComparison.Ordinal)) is { } mail) return mail;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No mail '{subjectContains}' to {email} in the outbox.");
    }

    public static async Task<int> MailCountAsync(Uri app, string email)
    {
        using var http = new HttpClient { BaseAddress = app };
        return (await http.GetFromJsonAsync<List<OutboxMail>>("/dev/outbox.json") ?? []).Count(m => m.To == email);
    }

    public static string LinkIn(OutboxMail mail) => Link().Match(mail.Text).Value;

    /// <summary>Signs up, follows the confirmation link and waits for the wizard.</summary>
    public static async Task SignUpAndConfirmAsync(BrowserSession browser, Uri app, string company, string email)
    {
        await SubmitAsync(browser.Page, company, "Erika Neumann", email);
        await Expect(browser.Page.GetByTestId("signup-sent")).ToBeVisibleAsync();
        var mail = await MailToAsync(app, email, "bestätigen");
        await browser.Page.GotoAsync(LinkIn(mail));
        await browser.WaitForCircuitAsync();
        await Expect(browser.Page.GetByTestId("onboarding-stepper")).ToBeVisibleAsync();
    }

    public sealed record OutboxMail(string Channel, string To, string Subject, string Text, DateTime SentAt);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
