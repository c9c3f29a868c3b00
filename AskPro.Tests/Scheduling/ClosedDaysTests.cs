using AskPro.Core.Directory;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Infrastructure.Booking;

namespace AskPro.Tests.Scheduling;

/// <summary>Which days a branch is closed on, and the sentence the caller hears about it.</summary>
public sealed class ClosedDaysTests
{
    private static readonly PublicHolidayCalendar Holidays = new();
    private static readonly DateOnly Epiphany = new(2027, 1, 6);

    private static ClosedDays For(Branch branch) => ClosedDays.Of(branch, Holidays, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31));

    [Fact]
    public void A_branch_in_Bavaria_is_closed_on_Heilige_Drei_Koenige_one_in_Berlin_is_open()
    {
        Assert.Equal("Heilige Drei Könige", For(new Branch { Name = "München", Region = "DE-BY" }).On(Epiphany)?.Reason);
        Assert.Null(For(new Branch { Name = "Berlin", Region = "DE-BE" }).On(Epiphany));
    }

    [Fact]
    public void A_holiday_the_company_opted_in_is_an_open_day()
    {
        var branch = new Branch { Name = "München", Region = "DE-BY", OpenOnHolidays = ["Heilige Drei Könige"] };
        Assert.Null(For(branch).On(Epiphany));
        Assert.NotNull(For(branch).On(new DateOnly(2027, 1, 1))); // Neujahr still closed
    }

    [Fact]
    public void Without_a_region_the_countrys_nationwide_holidays_apply()
    {
        var branch = new Branch { Name = "irgendwo", CountryCode = "DE" };
        Assert.Equal("Neujahr", For(branch).On(new DateOnly(2027, 1, 1))?.Reason);
        Assert.Null(For(branch).On(Epiphany));
    }

    [Fact]
    public void The_companys_closure_wins_over_a_holiday_and_both_are_told_for_the_ear()
    {
        var branch = new Branch
        {
            Name = "Berlin", Region = "DE-BE",
            Closures = [new Closure { From = new DateOnly(2026, 12, 31), To = new DateOnly(2027, 1, 2), Reason = "Betriebsurlaub" }],
        };
        var closed = ClosedDays.Of(branch, Holidays, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31));
        Assert.Equal("Vom 31. Dezember bis 2. Januar sind wir wegen Betriebsurlaub geschlossen.", closed.On(new DateOnly(2027, 1, 1))!.Sentence());
        Assert.Equal("Am 6. Januar, Heilige Drei Könige, haben wir geschlossen.",
            new ClosedDay(Epiphany, Epiphany, "Heilige Drei Könige", IsPublicHoliday: true).Sentence());
        Assert.Equal("Am 6. Januar sind wir geschlossen.", new ClosedDay(Epiphany, Epiphany, "", IsPublicHoliday: false).Sentence());
    }
}
