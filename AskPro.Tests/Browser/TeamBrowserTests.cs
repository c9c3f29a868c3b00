using System.Text.RegularExpressions;
using AskPro.Core.Customers;
using AskPro.Core.Shared;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>Running the team and the customer records in a real browser against the real app:
/// the salon's admin invites a colleague, who accepts by the mailed link and signs in with the
/// limited role (calendar yes, settings no); the admin sees the sign-in, finds the invitation in
/// the audit log and removes the colleague. On a customer's page a wrong number is refused in
/// German, a correction is saved, and an erasure leaves an anonymous record.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class TeamBrowserTests(AppHost app)
{
    private const string Password = "Kollegin!2026x";

    [BrowserFact]
    public async Task An_invited_colleague_signs_in_as_staff_and_is_refused_the_settings()
    {
        var email = $"kollegin-{Guid.NewGuid().ToString("N")[..8]}@salon.demo";
        await using var admin = await BrowserSession.StartAsync(app.BaseAddress);
        await admin.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await admin.Page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await admin.Page.GotoAsync("/settings/team");
        await admin.WaitForCircuitAsync();

        // A wrong address: refused in German, nobody invited.
        await FillAsync(admin.Page, "team-email", "keine-adresse");
        await admin.Page.GetByTestId("team-invite").ClickAsync();
        await Expect(admin.Page.GetByTestId("team-error")).ToContainTextAsync("keine gültige E-Mail-Adresse");

        await FillAsync(admin.Page, "team-email", email);
        await FillAsync(admin.Page, "team-name", "Sophie Kraus");
        await admin.Page.GetByTestId("team-invite").ClickAsync();
        var row = admin.Page.GetByTestId("team-grid").Locator("tr", new() { HasText = email });
        await Expect(row.GetByTestId("team-status")).ToContainTextAsync("Eingeladen");
        await row.GetByTestId("team-resend").ClickAsync();
        await Eventually.Async("the resent invitation", () => SignUpFlow.MailCountAsync(app.BaseAddress, email), count => count == 2);

        // The colleague, in a browser of their own: the link, a password, the sign-in.
        await using var colleague = await BrowserSession.StartAsync(app.BaseAddress);
        var link = SignUpFlow.LinkIn(await SignUpFlow.MailToAsync(app.BaseAddress, email, "Einladung"));
        await colleague.Page.GotoAsync(link);
        await colleague.Page.GetByTestId("new-password").FillAsync(Password);
        await colleague.Page.GetByTestId("reset-submit").ClickAsync();
        await Expect(colleague.Page.GetByTestId("reset-done")).ToBeVisibleAsync();
        await colleague.LogInAsync(email, Password);
        await colleague.WaitForCircuitAsync();
        await Expect(colleague.Page.GetByTestId("company-name")).ToHaveTextAsync(DemoData.Salon.Name);
        await Expect(colleague.Page.GetByTestId("nav-drawer")).ToContainTextAsync("Kalender");
        await Expect(colleague.Page.GetByTestId("nav-drawer")).Not.ToContainTextAsync("Team-Zugänge");

        await colleague.Page.GotoAsync("/calendar");
        await colleague.WaitForCircuitAsync();
        await Expect(colleague.Page).ToHaveURLAsync(new Regex("/calendar$"));
        foreach (var settings in new[] { "/settings/branches", "/settings/team", "/audit" })
        {
            await colleague.Page.GotoAsync(settings);
            await Expect(colleague.Page).ToHaveURLAsync(new Regex("/account/denied"));
        }

        // The admin sees the accepted invitation and the sign-in, and the audit log has the invitation.
        await admin.Page.ReloadAsync();
        await admin.WaitForCircuitAsync();
        await Expect(row.GetByTestId("team-status")).ToContainTextAsync("Aktiv");
        await Expect(row.GetByTestId("team-last-sign-in")).Not.ToHaveTextAsync("–");
        var colleagueId = await app.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await admin.Page.GotoAsync("/audit");
        await admin.WaitForCircuitAsync();
        await FillAsync(admin.Page, "audit-text", colleagueId);
        await admin.Page.GetByTestId("audit-apply").ClickAsync();
        await Expect(admin.Page.GetByTestId("audit-grid")).ToContainTextAsync("team.invite");
        await Expect(admin.Page.GetByTestId("audit-grid")).ToContainTextAsync("team.resend");
        await Expect(admin.Page.GetByTestId("audit-grid")).ToContainTextAsync(DemoData.Salon.AdminEmail);

        // Made an admin on the team page (audited): the next sign-in reaches the settings; the admin's own row offers no role change.
        await admin.Page.GotoAsync("/settings/team");
        await admin.WaitForCircuitAsync();
        var own = admin.Page.GetByTestId("team-grid").Locator("tr", new() { HasText = DemoData.Salon.AdminEmail });
        await Expect(own.GetByTestId("team-role-change")).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("team-role-change")).ToHaveTextAsync("Zum Admin machen");
        await row.GetByTestId("team-role-change").ClickAsync();
        await Expect(row).ToContainTextAsync("Administrator (alle Einstellungen)");
        await Expect(row.GetByTestId("team-role-change")).ToHaveTextAsync("Zum Mitarbeiter machen");
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "team.role" && a.EntityId == colleagueId && a.Details == "CompanyStaff → CompanyAdmin")));
        await using (var promoted = await BrowserSession.StartAsync(app.BaseAddress))
        {
            await promoted.LogInAsync(email, Password);
            await promoted.WaitForCircuitAsync();
            await promoted.Page.GotoAsync("/settings/team");
            await promoted.WaitForCircuitAsync();
            await Expect(promoted.Page).ToHaveURLAsync(new Regex("/settings/team$"));
            await Expect(promoted.Page.GetByTestId("team-grid")).ToContainTextAsync(DemoData.Salon.AdminEmail);
        }

        // Removed: the account is gone.
        await row.GetByTestId("team-remove").ClickAsync();
        await admin.Page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.False(await app.ReadAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [BrowserFact]
    public async Task A_customer_record_is_corrected_and_erased_on_its_page()
    {
        var salon = await app.ReadAsync(db => db.Companies.Where(c => c.TenantKey == DemoData.Salon.TenantKey).Select(c => c.Id).SingleAsync());
        var customer = new Customer { CompanyId = salon, Name = "Greta Lindqvist", Phone = E164Number.Parse("+4915899887766"), Email = "greta@example.org", CreatedAt = DateTime.UtcNow };
        await app.ReadAsync(async db => { db.Customers.Add(customer); return await db.SaveChangesAsync(); });

        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.GotoAsync("/customers");
        await browser.WaitForCircuitAsync();
        await FillAsync(page, "customer-search", "Greta");
        await page.GetByTestId("customer-find").ClickAsync();
        await page.GetByTestId("customer-link").Filter(new() { HasText = "Greta Lindqvist" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/customers/{customer.Id}$"));
        await Expect(page.GetByTestId("customer-no-shows")).ToContainTextAsync("0");

        await FillAsync(page, "edit-phone", "<b>0</b>");
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("edit-message")).ToContainTextAsync("keine gültige Telefonnummer");
        Assert.Equal("+4915899887766", await app.ReadAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Phone!.Value).SingleAsync()));

        await FillAsync(page, "edit-phone", "0158 99 88 77 00");
        await FillAsync(page, "edit-notes", "Kommt gern montags");
        await page.GetByTestId("edit-save").ClickAsync();
        await Expect(page.GetByTestId("edit-message")).ToHaveCountAsync(0);
        await Eventually.Async("the saved notes", () => app.ReadAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Notes).SingleAsync()),
            notes => notes == "Kommt gern montags");
        Assert.Equal("+4915899887700", await app.ReadAsync(db => db.Customers.Where(c => c.Id == customer.Id).Select(c => c.Phone!.Value).SingleAsync()));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("customer-export").ClickAsync());
        var json = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("greta@example.org", json);
        Assert.Contains("Kommt gern montags", json);

        await page.GetByTestId("customer-erase").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Gelöschte Person");
        var erased = await app.ReadAsync(db => db.Customers.SingleAsync(c => c.Id == customer.Id));
        Assert.Equal(("Gelöschte Person", null, null, ""), (erased.Name, erased.Phone?.Value, erased.Email, erased.Notes));
        Assert.True(await app.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "customer.erase" && a.EntityId == customer.Id.ToString())));
    }

    /// <summary>MudBlazor fields bind when the input loses focus.</summary>
    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }
}
