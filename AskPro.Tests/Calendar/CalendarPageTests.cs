using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Events.Subscribers;
using AskPro.Infrastructure.Portal;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Calendar;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Calendar;

/// <summary>The calendar component (bUnit): staff as columns, quarter hours as rows on the
/// branch's clock, appointments and absences where they belong, and a change on another channel
/// redrawn at once — for this company only.</summary>
public sealed class CalendarPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();
    private readonly FakeCalendar _calendar = new();
    private readonly CalendarChanges _changes = new(new AskPro.Infrastructure.Caching.InProcessNodeChannel());
    private readonly TenantId _company = TenantId.From(Guid.NewGuid());

    private static readonly Guid Anna = Guid.NewGuid(), Mehmet = Guid.NewGuid();

    private sealed class FakeCalendar : ICalendarQueries
    {
        public List<CalendarAppointment> Appointments { get; } = [];
        public List<Absence> AnnasAbsences { get; } = [];
        public int Loads { get; private set; }
        public (TimeOnly Opens, TimeOnly Closes) Hours { get; set; } = (new(9, 0), new(18, 0));

        public Task<CalendarView?> ViewAsync(Guid? branchId, DateOnly from, int days, CancellationToken ct)
        {
            Loads++;
            WeeklyInterval[] hours = [.. Enum.GetValues<DayOfWeek>().Select(d => new WeeklyInterval { Day = d, Opens = Hours.Opens, Closes = Hours.Closes })];
            return Task.FromResult<CalendarView?>(new CalendarView(Guid.NewGuid(), "Mitte", "Europe/Berlin", hours, from, days,
                [new CalendarStaff(Anna, "Anna", [], [.. AnnasAbsences], []), new CalendarStaff(Mehmet, "Mehmet", [], [], [])],
                [], [.. Appointments], new Dictionary<DateOnly, Core.Scheduling.Holidays.ClosedDay>(), []));
        }
    }

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        var services = _portal.Context.Services;
        services.AddSingleton<ICalendarQueries>(_calendar);
        services.AddSingleton(_changes);
        var tenant = new TenantContext();
        tenant.UseTenant(_company);
        services.AddSingleton<ITenantContext>(tenant);
        services.AddSingleton(tenant);
        services.AddScoped<EngineCalls>();
    }

    public Task DisposeAsync() => _portal.DisposeAsync();

    private static DateTime Today(int hour, int minute = 0) =>
        BranchClock.ToUtc(DateOnly.FromDateTime(BranchClock.ToLocal(DateTime.UtcNow, "Europe/Berlin").DateTime).ToDateTime(new TimeOnly(hour, minute)), "Europe/Berlin");

    private static CalendarAppointment At(Guid staff, DateTime start, string customer) =>
        new(Guid.NewGuid(), staff, Guid.NewGuid(), start, start.AddMinutes(30), "Herrenhaarschnitt", customer, Guid.NewGuid(), AppointmentStatus.Scheduled, AppointmentSource.Phone);

    [Fact]
    public void Appointments_and_absences_lie_in_their_staff_members_column_at_their_time()
    {
        _calendar.Appointments.Add(At(Mehmet, Today(10), "Lena Müller"));
        _calendar.AnnasAbsences.Add(new Absence { StartUtc = Today(13), EndUtc = Today(15), Kind = AbsenceKind.Training });

        var page = _portal.Render<CalendarPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=appointment]")));
        var appointment = page.Find("[data-testid=appointment]");
        Assert.Contains("grid-row: 7 / span 2", appointment.GetAttribute("style")); // 09:00 is the first row (3); 10:00 four rows on; 30 minutes
        Assert.Contains("grid-column: 3", appointment.GetAttribute("style"));   // Mehmet, the second column after the times
        Assert.Contains("Lena Müller", appointment.TextContent);
        var absence = page.Find("[data-testid=calendar-absence]");
        Assert.Contains("grid-row: 19 / span 8", absence.GetAttribute("style"));
        Assert.Contains("grid-column: 2", absence.GetAttribute("style"));
        Assert.Equal("Fortbildung", absence.TextContent.Trim());
        Assert.Equal(2 * 36, page.FindAll("[data-testid=slot]").Count); // 09–18, two people, every quarter hour bookable in principle
    }

    [Fact]
    public void A_booking_on_another_channel_appears_at_once_and_another_companys_news_is_ignored()
    {
        var page = _portal.Render<CalendarPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=slot]")));
        Assert.Empty(page.FindAll("[data-testid=appointment]"));
        var loads = _calendar.Loads;

        _calendar.Appointments.Add(At(Anna, Today(11), "Anrufer Neu"));
        _changes.Publish(TenantId.From(Guid.NewGuid()), Anna); // another company's booking
        Assert.Equal(loads, _calendar.Loads);

        _changes.Publish(_company, Anna);
        page.WaitForAssertion(() => Assert.Contains("Anrufer Neu", Assert.Single(page.FindAll("[data-testid=appointment]")).TextContent));
    }

    [Fact]
    public void Clicking_a_free_quarter_hour_opens_the_booking_for_that_staff_member_and_time()
    {
        var page = _portal.Render<CalendarPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=slot]")));

        page.FindAll("[data-testid=slot]").First(s => s.GetAttribute("data-staff") == "Mehmet" && s.GetAttribute("data-start")!.EndsWith("T14:30")).Click();

        var action = page.Find("[data-testid=calendar-action]");
        Assert.Contains("Mehmet", action.TextContent);
        Assert.Contains("14:30", action.TextContent);
    }

    [Fact]
    public async Task A_24_hour_day_draws_only_the_rows_in_view_and_follows_the_scroll()
    {
        _calendar.Hours = (new(0, 0), new(23, 59)); // open round the clock: 96 quarter hours
        _calendar.Appointments.Add(At(Anna, Today(20), "Spät Kundin")); // far below the first view
        var page = _portal.Render<CalendarPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=slot]")));
        string[] Starts() => [.. page.FindAll("[data-testid=slot]").Select(s => s.GetAttribute("data-start")![11..]).Distinct()];

        // Before the browser reports its view: the first rows and the overscan, not the whole day.
        var first = Starts();
        Assert.Equal(CalendarGrid.InitialVisibleRows + CalendarGrid.Overscan, first.Length);
        Assert.Equal(2 * first.Length, page.FindAll("[data-testid=slot]").Count);
        Assert.Contains("00:00", first);
        Assert.DoesNotContain("20:00", first);
        // The grid still has every row's height, and what is booked is drawn wherever it lies.
        Assert.Contains("repeat(96, 1.4rem)", page.Find("[data-testid=calendar-grid]").GetAttribute("style"));
        Assert.Contains("Spät Kundin", page.Find("[data-testid=appointment]").TextContent);

        // Scrolled to 15:00 with 20 rows in view: 13:00 (the overscan) to 21:45, nothing of the morning.
        await page.InvokeAsync(() => page.Instance.RowsVisible(60, 20));
        var scrolled = Starts();
        Assert.Equal(20 + 2 * CalendarGrid.Overscan, scrolled.Length);
        Assert.Equal(("13:00", "21:45"), (scrolled.Min(), scrolled.Max()));
        Assert.DoesNotContain("00:00", scrolled);
        Assert.Contains("20:00", scrolled);
    }
}
