using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Infrastructure.Portal;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Appointments;
using AskPro.Web.Components.Pages.Calls;
using AskPro.Web.Components.Pages.Customers;
using AskPro.Web.Components.Pages.Dashboard;
using AskPro.Web.Components.Pages.Settings;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AskPro.Tests.Portal;

/// <summary>Each page in its three states — data, nothing yet, the database gone — against
/// faked query services; in German unless said otherwise.</summary>
public sealed class PortalPageTests : IAsyncLifetime
{
    private static readonly DateTime Monday10Utc = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly PortalComponents _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    [Theory]
    [InlineData(AskPro.Core.Directory.CompanyStatus.Draft, true)]
    [InlineData(AskPro.Core.Directory.CompanyStatus.Active, false)]
    public void The_admin_of_a_company_in_set_up_is_sent_from_the_dashboard_to_the_wizard(AskPro.Core.Directory.CompanyStatus status, bool sent)
    {
        _portal.Fakes.Setup = _portal.Fakes.Setup with { Status = status };
        _portal.Context.AddAuthorization().SetAuthorized("admin-a").SetRoles(AskPro.Infrastructure.Accounts.Roles.CompanyAdmin);

        _portal.Render<DashboardPage>();

        var navigation = _portal.Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        Assert.Equal(sent, navigation.Uri.EndsWith("/onboarding", StringComparison.Ordinal));
    }

    private static AppointmentRow Appointment(string customer, AppointmentStatus status = AppointmentStatus.Scheduled) => new()
    {
        Id = Guid.NewGuid(), StartUtc = Monday10Utc, EndUtc = Monday10Utc.AddMinutes(30), Customer = customer, Service = "Herrenhaarschnitt",
        Staff = "Anna", Branch = "Mitte", TimeZoneId = "Europe/Berlin", Status = status, Source = AppointmentSource.Phone,
    };

    [Fact]
    public void The_dashboard_shows_its_numbers_lists_and_chart()
    {
        var today = Appointment("Lena Müller");
        _portal.Fakes.Summary = new DashboardSummary(1, 3, 12, 1234, [today], [today], [new CallbackRow(Guid.NewGuid(), Monday10Utc, "Jonas", E164Number.Parse("0171 1234567"), "Rückruf")],
            [.. Enumerable.Range(0, 7).Select(d => new DayCount(new DateOnly(2026, 11, 23).AddDays(d), d == 0 ? 1 : 0))]);
        var page = _portal.Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("1.234", page.Find("[data-testid=count-customers]").TextContent.Trim()));
        Assert.Equal("12", page.Find("[data-testid=count-calls]").TextContent.Trim());
        var item = page.Find("[data-testid=today-list] [data-testid=appointment]");
        Assert.Contains("10:00", item.TextContent); // 09:00 UTC on the branch's clock
        Assert.Contains("Lena Müller", item.TextContent);
        Assert.Contains("0171 1234567", page.Find("[data-testid=callbacks]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=week-chart] svg"));
    }

    [Fact]
    public void The_dashboard_without_appointments_says_so_and_when_reading_fails_says_that()
    {
        var page = _portal.Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.Contains("Keine Termine", page.Find("[data-testid=today-list]").TextContent));

        _portal.Fakes.Fail = true;
        var failed = _portal.Render<DashboardPage>();
        failed.WaitForAssertion(() => Assert.Contains("konnten nicht geladen werden", failed.Find("[data-testid=load-error]").TextContent));
        Assert.Empty(failed.FindAll("[data-testid=count-today]"));
    }

    [Fact]
    public void Without_a_company_the_dashboard_asks_to_choose_one_and_reads_nothing()
    {
        _portal.Fakes.Company = null;
        _portal.Fakes.Fail = true; // a read would show the error instead
        var page = _portal.Render<DashboardPage>();
        Assert.Contains("Wählen Sie unter „Firmen“ eine Firma", page.Find("[data-testid=no-company]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=load-error]"));
    }

    [Theory]
    [InlineData("de-DE", "Mo 23.11.2026 10:00", "Geplant", "Storniert")]
    [InlineData("en-US", "Mon 11/23/2026 10:00 AM", "Scheduled", "Cancelled")]
    public void The_appointments_grid_shows_branch_time_and_statuses_in_the_users_language(string culture, string start, string scheduled, string cancelled)
    {
        _portal.Fakes.Appointments.AddRange([Appointment("Lena Müller"), Appointment("Zoe Zander", AppointmentStatus.Cancelled)]);
        var page = _portal.Render<AppointmentsPage>(culture: culture);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=start]").Count));
        Assert.Equal(start, page.Find("[data-testid=start]").TextContent.Replace('\u202f', ' '));
        var grid = page.Find("[data-testid=appointments-grid]").TextContent;
        Assert.Contains(scheduled, grid);
        Assert.Contains(cancelled, grid);
        Assert.Equal(AppointmentSort.Start, _portal.Fakes.LastAppointmentQuery!.Sort);
        Assert.True(_portal.Fakes.LastAppointmentQuery.Descending);
        Assert.Equal(20, _portal.Fakes.LastAppointmentQuery.Page.Size);
    }

    [Fact]
    public void The_appointments_grid_says_when_there_are_none_and_when_reading_failed()
    {
        var empty = _portal.Render<AppointmentsPage>();
        empty.WaitForAssertion(() => Assert.Contains("Keine Termine gefunden", empty.Find("[data-testid=appointments-grid]").TextContent));
        Assert.Empty(empty.FindAll("[data-testid=load-error]"));

        _portal.Fakes.Fail = true;
        var failed = _portal.Render<AppointmentsPage>();
        failed.WaitForAssertion(() => Assert.Contains("konnten nicht geladen werden", failed.Find("[data-testid=load-error]").TextContent));
    }

    [Theory]
    [InlineData("de-DE", "Positiv", "0,18 $", "Termin gebucht")]
    [InlineData("en-US", "Positive", "$0.18", "booked")]
    public void The_calls_grid_translates_sentiment_and_outcome_and_writes_money_in_the_users_culture(string culture, string sentiment, string cost, string outcome)
    {
        _portal.Fakes.Calls.Add(new CallRow(Guid.NewGuid(), Monday10Utc, E164Number.Parse("+43 664 1234567"), 95, CallOutcome.Booked, "Positive", 18));
        var page = _portal.Render<CallsPage>(culture: culture);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=call-link]")));
        var grid = page.Find("[data-testid=calls-grid]").TextContent;
        Assert.Contains(sentiment, grid);
        Assert.Contains(cost, grid.Replace('\u00a0', ' '));
        Assert.Contains(outcome, grid);
        Assert.Contains("1:35", grid);
        Assert.Contains("+43 664 1234567", page.Find("[data-testid=phone]").TextContent); // a foreign number stays international
    }

    [Fact]
    public void A_call_that_does_not_exist_is_not_found_and_a_failed_read_is_an_error()
    {
        var missing = _portal.Render<CallDetailPage>(p => p.Add(x => x.Id, Guid.NewGuid()));
        missing.WaitForAssertion(() => Assert.Contains("Diese Seite gibt es nicht", missing.Find("[data-testid=call-missing]").TextContent));

        _portal.Fakes.Fail = true;
        var failed = _portal.Render<CallDetailPage>(p => p.Add(x => x.Id, Guid.NewGuid()));
        failed.WaitForAssertion(() => Assert.Contains("konnten nicht geladen werden", failed.Find("[data-testid=load-error]").TextContent));
    }

    [Fact]
    public void A_call_reads_as_a_dialogue_with_its_customer_appointment_and_functions()
    {
        var id = Guid.NewGuid();
        _portal.Fakes.CallDetails[id] = new CallDetail(id, Monday10Utc, E164Number.Parse("015112345678"), 95, CallOutcome.Booked, "Negative", 18,
            "Termin gebucht", "https://example.org/recording.wav", [new(Speaker.Agent, "Guten Tag!"), new(Speaker.Caller, "Einen Termin bitte.")],
            "Lena Müller", new CallAppointment(Monday10Utc, "Herrenhaarschnitt", "Anna", AppointmentStatus.Confirmed),
            [new InvocationRow(Guid.NewGuid(), Monday10Utc, "book_appointment", "{\"name\":\"L****\"}", "booked", "Gebucht.", 12)]);
        var page = _portal.Render<CallDetailPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=transcript] li").Count));
        Assert.Equal(["Agent", "Caller"], page.FindAll("[data-testid=transcript] li").Select(t => t.GetAttribute("data-speaker")));
        Assert.Equal("Lena Müller", page.Find("[data-testid=call-customer]").TextContent);
        Assert.Contains("Bestätigt", page.Find("[data-testid=call-appointment]").TextContent);
        Assert.Contains("Negativ", page.Find("[data-testid=call-facts]").TextContent);
        Assert.Equal("01511 2345678", page.Find("[data-testid=call-facts] [data-testid=phone]").TextContent);
        Assert.Contains("L****", page.Find("[data-testid=invocations-grid]").TextContent);
        Assert.Equal("https://example.org/recording.wav", page.Find("[data-testid=call-recording]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_customer_added_on_the_page_goes_through_the_command_with_a_toast_and_a_bad_number_is_refused()
    {
        _portal.Fakes.Customers.Add(new CustomerRow(Guid.NewGuid(), "Jonas Becker", E164Number.Parse("0171 1234567"), null, Monday10Utc));
        var page = _portal.Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Equal("0171 1234567", page.Find("[data-testid=phone]").TextContent));
        Assert.Contains("Mobil", page.Find("[data-testid=customers-grid]").TextContent);

        await page.Find("input[data-testid=new-name]").ChangeAsync(new() { Value = "Mia Schulz" });
        await page.Find("input[data-testid=new-phone]").ChangeAsync(new() { Value = "(0176) 123 456 78" });
        await page.Find("[data-testid=new-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Single(_portal.Stores.Written));
        var customer = Assert.IsType<AskPro.Core.Customers.Customer>(_portal.Stores.Written[0]);
        Assert.Equal("+4917612345678", customer.Phone!.Value);
        var audit = Assert.Single(_portal.Stores.Audit);
        Assert.Equal(("customer.create", "admin-a", customer.Id.ToString()), (audit.Action, audit.Actor, audit.EntityId));
        var toast = Assert.Single(_portal.Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Contains("Mia Schulz", toast.Message);

        await page.Find("input[data-testid=new-name]").ChangeAsync(new() { Value = "Mia Junk" });
        await page.Find("input[data-testid=new-phone]").ChangeAsync(new() { Value = "0176 1234<script>" });
        await page.Find("[data-testid=new-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("keine gültige Telefonnummer", page.Find("[data-testid=new-message]").TextContent));
        Assert.Single(_portal.Stores.Written);
    }

    [Fact]
    public async Task The_customer_search_reaches_the_query_as_typed()
    {
        var page = _portal.Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.NotNull(_portal.Fakes.LastCustomerQuery));
        await page.Find("input[data-testid=customer-search]").ChangeAsync(new() { Value = "0171 1234567" });
        await page.Find("[data-testid=customer-find]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("0171 1234567", _portal.Fakes.LastCustomerQuery!.Search));
    }

    [Fact]
    public void The_customer_list_says_when_there_are_none_and_when_reading_failed()
    {
        var empty = _portal.Render<CustomersPage>();
        empty.WaitForAssertion(() => Assert.Contains("Keine Kunden gefunden", empty.Find("[data-testid=customers-grid]").TextContent));

        _portal.Fakes.Fail = true;
        var failed = _portal.Render<CustomersPage>();
        failed.WaitForAssertion(() => Assert.Contains("konnten nicht geladen werden", failed.Find("[data-testid=load-error]").TextContent));
    }

    [Fact]
    public void The_calls_list_says_when_there_are_none_and_when_reading_failed()
    {
        var empty = _portal.Render<CallsPage>();
        empty.WaitForAssertion(() => Assert.Contains("Noch keine Anrufe", empty.Find("[data-testid=calls-grid]").TextContent));

        _portal.Fakes.Fail = true;
        var failed = _portal.Render<CallsPage>();
        failed.WaitForAssertion(() => Assert.Contains("konnten nicht geladen werden", failed.Find("[data-testid=load-error]").TextContent));
    }

    [Fact]
    public void The_api_keys_page_lists_keys_and_says_when_there_are_none()
    {
        var empty = _portal.Render<ApiKeysPage>();
        empty.WaitForAssertion(() => Assert.Contains("Noch keine Schlüssel", empty.Find("[data-testid=api-keys-grid]").TextContent));

        _portal.Fakes.Keys.Add(new ApiKeyRow(Guid.NewGuid(), "Kasse", "ak_abcde", Monday10Utc, null));
        var page = _portal.Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("ak_abcde", page.Find("[data-testid=api-keys-grid]").TextContent));
        Assert.Contains("23.11.2026 10:00", page.Find("[data-testid=api-keys-grid]").TextContent);
        Assert.Equal("Widerrufen", page.Find("[data-testid=api-key-revoke]").TextContent.Trim());
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
