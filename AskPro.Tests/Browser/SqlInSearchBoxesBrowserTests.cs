using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Browser;

/// <summary>SQL fragments and LIKE wildcards typed into the portal's remaining text filters, in a
/// real browser: the calendar dialog's customer search, the merge form's search on a customer page
/// and the appointment grid's customer, service and staff filters. Each box first finds a real
/// record (so it is the box that answers), then every fragment finds nothing — "%" and "_" match
/// only themselves, so a filter that let them through as wildcards would list everyone — no error
/// is shown, the circuit keeps working and the database is unchanged. (The customer list's search
/// and the audit filters: <see cref="SecurityBrowserTests"/>; REST and CSV filters: SqlFragmentTests.)</summary>
[Collection(DemoAppCollection.Name)]
public sealed class SqlInSearchBoxesBrowserTests(AppHost app)
{
    private static readonly string[] Fragments = ["'; DROP TABLE \"Customers\"; -- ' OR '1'='1", "%", "_", "\\", "\" OR 1=1 --", "a%' OR 'x'='x"];

    private const string Grid = "[data-testid=appointments-grid]";

    [BrowserFact]
    public async Task Sql_in_the_calendar_dialog_the_merge_search_and_the_appointment_filters_finds_nothing_and_changes_nothing()
    {
        var before = await CountsAsync();
        // The first two of the salon's customers: the second's page merges, the first's name is searched.
        var two = await app.ReadAsync(db => db.Customers.Where(c => db.Companies.Any(x => x.Id == c.CompanyId && x.TenantKey == DemoData.Salon.TenantKey))
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).Take(2).ToListAsync());
        var known = two[0].Name[..Math.Min(4, two[0].Name.Length)];
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress, width: 1600, height: 1000);
        var page = browser.Page;
        await page.GotoAsync("/account/login");
        await browser.LogInAsync(DemoData.Salon.AdminEmail, DemoData.Salon.AdminPassword);
        await browser.WaitForCircuitAsync();

        // The calendar's booking dialog: a free slot of next week, then its customer search.
        await page.GotoAsync("/calendar");
        await browser.WaitForCircuitAsync();
        await page.GetByTestId("calendar-week").ClickAsync();
        await page.GetByTestId("calendar-next").ClickAsync();
        var today = DateOnly.FromDateTime(AskPro.Core.Scheduling.BranchClock.ToLocal(DateTime.UtcNow, "Europe/Berlin").DateTime);
        var nextMonday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        await Expect(page.GetByTestId("calendar-range")).ToContainTextAsync(nextMonday.ToString("dd.MM.yyyy"));
        await Expect(page.Locator($"[data-testid=slot][data-start^='{nextMonday:yyyy-MM-dd}']").First).ToBeVisibleAsync();
        var free = await page.EvaluateAsync<string?>(FirstUncoveredSlot) ?? throw new InvalidOperationException("no free slot in view next week");
        await page.Locator($"[data-testid=slot][data-staff='{free.Split('|')[0]}'][data-start='{free.Split('|')[1]}']").ClickAsync();
        var search = page.GetByTestId("book-customer-search");
        var options = page.GetByTestId("book-customer-option");
        await search.FillAsync(known);
        await Expect(options.First).ToBeVisibleAsync();
        foreach (var fragment in Fragments)
        {
            await search.FillAsync(fragment);
            await Expect(options).ToHaveCountAsync(0);
            await search.FillAsync(known); // and back: the box still answers after the fragment
            await Expect(options.First).ToBeVisibleAsync();
        }

        // The merge form on a customer's page.
        await page.GotoAsync($"/customers/{two[1].Id}");
        await browser.WaitForCircuitAsync();
        var merge = page.GetByTestId("merge-search");
        await merge.FillAsync(known);
        await page.GetByTestId("merge-find").ClickAsync();
        await Expect(page.GetByTestId("merge-candidates")).ToBeVisibleAsync();
        foreach (var fragment in Fragments)
        {
            await merge.FillAsync(fragment);
            await page.GetByTestId("merge-find").ClickAsync();
            await Expect(page.GetByTestId("merge-none")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("merge-candidates")).ToHaveCountAsync(0);
        }

        // The appointment grid's text filters (filter row: customer, service, staff).
        await page.GotoAsync("/appointments");
        await browser.WaitForCircuitAsync();
        var customerCells = page.Locator($"{Grid} tbody tr td:nth-child(2)");
        await Expect(customerCells.First).ToBeVisibleAsync();
        foreach (var (column, real) in new[] { (1, known), (2, "schnitt"), (3, "Anna") })
        {
            await FilterAsync(page, column, real);
            await Expect(customerCells.First).ToBeVisibleAsync();
            foreach (var fragment in Fragments)
            {
                await FilterAsync(page, column, fragment);
                await Expect(customerCells).ToHaveCountAsync(0);
            }
            await FilterAsync(page, column, "");
            await Expect(customerCells.First).ToBeVisibleAsync();
        }

        Assert.Equal(0, await page.GetByTestId("load-error").CountAsync());
        Assert.True(browser.ConsoleErrors.Count == 0, string.Join("\n", browser.ConsoleErrors));
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>The start of the first slot in view that no appointment covers (a click there opens the booking dialog).</summary>
    private const string FirstUncoveredSlot = """
        () => {
            const free = [...document.querySelectorAll('[data-testid=slot]')].find(slot => {
                const box = slot.getBoundingClientRect();
                return box.width > 0 && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === slot;
            });
            return free ? free.getAttribute('data-staff') + '|' + free.getAttribute('data-start') : null;
        }
        """;

    /// <summary>Types into a column's cell of the grid's filter row.</summary>
    private static async Task FilterAsync(IPage page, int column, string text)
    {
        var filter = page.Locator($"{Grid} thead tr").Nth(1).Locator("th").Nth(column).Locator("input");
        await filter.FillAsync(text);
        await filter.PressAsync("Enter");
    }

    /// <summary>What a fragment that reached SQL would drop or add to. (Not the audit: right after
    /// start the outbox is still writing the demo's booking history into it.)</summary>
    private Task<(int Customers, int Appointments, int Users, int Staff, int Services)> CountsAsync() => app.ReadAsync(async db =>
        (await db.Customers.IgnoreQueryFilters().CountAsync(), await db.Appointments.IgnoreQueryFilters().CountAsync(), await db.Users.CountAsync(),
            await db.Staff.IgnoreQueryFilters().CountAsync(), await db.Services.IgnoreQueryFilters().CountAsync()));
}
