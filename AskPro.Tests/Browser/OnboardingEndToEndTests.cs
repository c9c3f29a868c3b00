using AskPro.Core.Directory;
using AskPro.Tests.Support;
using AskPro.Tools.FakeRetell;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>The whole way of a new business, in the browser, on a fresh installation (only the
/// two demo companies exist) whose voice platform is the fake Retell API on loopback: sign-up,
/// the mailed link, every wizard step, a green validation, a test call that books, going live,
/// and a real signed function call to the new number that books into the new company only.</summary>
public sealed class OnboardingEndToEndTests : IAsyncLifetime
{
    private FakeRetellServer _retell = null!;
    private AppHost _app = null!;

    public async Task InitializeAsync()
    {
        _retell = await FakeRetellServer.StartAsync();
        _app = new AppHost(new Dictionary<string, string?>
        {
            ["Retell:ApiBaseUrl"] = _retell.BaseUrl.ToString(),
            ["Retell:VoiceId"] = "11labs-Carola",
            ["Messages:PublicBaseUrl"] = "https://askpro.example.de",
        });
        _ = _app.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _retell.DisposeAsync();
    }

    [BrowserFact]
    public async Task A_new_salon_signs_up_sets_up_goes_live_and_its_number_books_for_it_alone()
    {
        const string number = "+493055509911";
        var email = $"inhaberin-{Guid.NewGuid():N}@salon-lindenblatt.example";
        var company = "Salon Lindenblatt";
        var day = SimulatorBrowserTests.NextTuesday(DateTime.Today.AddDays(10));
        var date = day.ToString("dd.MM.yyyy");
        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress);
        var page = browser.Page;
        var wizard = new WizardDriver(browser);

        await SignUpFlow.SubmitAsync(page, company, "Lina Lindenblatt", email);
        await Expect(page.GetByTestId("signup-sent")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("onboarding-00-signup");
        var mail = await SignUpFlow.MailToAsync(_app.BaseAddress, email, "bestätigen");
        await page.GotoAsync(SignUpFlow.LinkIn(mail));
        await browser.WaitForCircuitAsync();

        await wizard.CompanyAsync("Friseur");
        await wizard.BranchAsync();
        await wizard.ServicesAsync();
        await page.GetByTestId("staff-row").First.GetByTestId("staff-invite").CheckAsync();
        await wizard.StaffAsync("Anna Linde", "anna@salon-lindenblatt.example", "Herrenhaarschnitt", "Damenhaarschnitt", "Kinderhaarschnitt", "Färben",
            "Strähnchen", "Föhnen & Styling");
        // Anna was invited as a portal user: her mail links to choosing a password.
        Assert.Contains("/account/reset-password", SignUpFlow.LinkIn(await SignUpFlow.MailToAsync(_app.BaseAddress, "anna@salon-lindenblatt.example", "Einladung")));
        await wizard.HoursAsync();
        await wizard.CalendarAsync();

        await page.GetByTestId("agent-provision").ClickAsync();
        await Expect(page.GetByTestId("agent-ready")).ToBeVisibleAsync();
        await wizard.SaveAsync("agent-save", "step-number", "onboarding-07-agent");

        // Another company's number is refused, in German, and nothing is stored.
        await wizard.FillAsync(page.GetByTestId("number-number"), DemoData.Salon.Phone);
        await wizard.FillAsync(page.GetByTestId("number-trunk"), "lindenblatt.sip-anbieter.de");
        await page.GetByTestId("number-import").ClickAsync();
        await Expect(wizard.Errors).ToContainTextAsync("bereits einem anderen Betrieb zugeordnet");
        await Expect(page.GetByTestId("number-assigned")).ToHaveCountAsync(0);
        await wizard.FillAsync(page.GetByTestId("number-number"), "030 5550 9911");
        await wizard.FillAsync(page.GetByTestId("number-trunk"), "lindenblatt.sip-anbieter.de");
        await page.GetByTestId("number-import").ClickAsync();
        await Expect(page.GetByTestId("number-assigned")).ToContainTextAsync(number);
        await wizard.SaveAsync("number-save", "step-validation", "onboarding-08-number");

        await Expect(page.GetByTestId("validation-green")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("problem-blocking")).ToHaveCountAsync(0);
        await wizard.SaveAsync("validation-save", "step-testcall", "onboarding-09-validation");

        // The test call, in the wizard, books while the company is still a draft.
        await page.GetByTestId("sim-scenario-book").ClickAsync();
        await SimulatorBrowserTests.SayAsync(page, "Herrenhaarschnitt bei Anna");
        await SimulatorBrowserTests.SayAsync(page, $"am {date} um halb drei");
        await SimulatorBrowserTests.SayAsync(page, "Tim Testanruf");
        await Expect(page.GetByTestId("sim-agent").Last).ToContainTextAsync("gebucht");
        await Expect(page.GetByTestId("sim-appointment-link")).ToBeVisibleAsync();
        await wizard.SaveAsync("testcall-save", "step-golive", "onboarding-10-testcall");
        await page.GetByTestId("golive-submit").ClickAsync();
        await Expect(page.GetByTestId("golive-done")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("onboarding-11-live");
        var companyId = await _app.ReadAsync(db => db.Companies.Where(c => c.Name == company).Select(c => c.Id).SingleAsync());
        Assert.Equal(CompanyStatus.Active, await _app.ReadAsync(db => db.Companies.Where(c => c.Id == companyId).Select(c => c.Status).SingleAsync()));
        Assert.Single(_retell.Workspace.Agents);
        Assert.True(_retell.Workspace.PhoneNumbers.ContainsKey(number));

        // A phone call to the new number, signed as Retell signs it, books for the new salon.
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var retell = new RetellClient(http, FakeRetell.DemoKey, () => DateTimeOffset.UtcNow);
        var answer = await retell.CallAsync("book_appointment",
            new { dienstleistung = "Damenhaarschnitt", mitarbeiter = "Anna", datum = date, uhrzeit = "10 Uhr", name = "Paula Telefon" },
            "call_" + Guid.NewGuid().ToString("N")[..12], toNumber: number, fromNumber: "+4915112345678");
        Assert.Equal("booked", answer.GetProperty("status").GetString());
        Assert.Equal(companyId, await _app.ReadAsync(db => db.Appointments
            .Where(a => a.Id == Guid.Parse(answer.GetProperty("data").GetProperty("appointment_id").GetString()!)).Select(a => a.CompanyId).SingleAsync()));

        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        var grid = page.Locator("[data-testid=appointments-grid] tbody");
        await Expect(grid).ToContainTextAsync("Paula Telefon");
        await Expect(grid).ToContainTextAsync("Tim Testanruf");
        await browser.ScreenshotAsync("onboarding-12-appointments");

        foreach (var demo in new[] { DemoData.Salon, DemoData.Praxis })
        {
            await browser.LogOutAsync();
            await browser.LogInAsync(demo.AdminEmail, demo.AdminPassword);
            await browser.WaitForCircuitAsync();
            await page.GotoAsync("/appointments");
            await browser.WaitForCircuitAsync();
            await PortalBrowserTests.FilterCustomersAsync(page, "Paula");
            await Expect(page.Locator("[data-testid=appointments-grid] tbody")).Not.ToContainTextAsync("Paula Telefon");
        }
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
    }
}
