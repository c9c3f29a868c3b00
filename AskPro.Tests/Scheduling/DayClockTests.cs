using AskPro.Core.Scheduling;

namespace AskPro.Tests.Scheduling;

/// <summary>The fast day clock (one offset for a day without a clock change) gives the same
/// instants as the general conversion, on ordinary days and on both change days.</summary>
public sealed class DayClockTests
{
    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("Europe/Vienna")]
    [InlineData("Europe/Zurich")]
    [InlineData("America/New_York")]
    public void Every_five_minutes_of_a_year_convert_as_BranchClock_converts_them(string zone)
    {
        var mismatches = new List<string>();
        for (var day = new DateOnly(2026, 1, 1); day < new DateOnly(2027, 1, 1); day = day.AddDays(1))
        {
            var clock = BranchClock.DayOf(day, zone);
            for (var t = TimeSpan.Zero; t < TimeSpan.FromDays(1); t += TimeSpan.FromMinutes(5))
            {
                var expected = BranchClock.ToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(t)), zone);
                var actual = clock.ToUtc(t);
                if (actual != expected || actual.Kind != DateTimeKind.Utc) mismatches.Add($"{day} {t}: {actual:O} instead of {expected:O}");
            }
        }
        Assert.Empty(mismatches);
    }

    [Fact]
    public void The_skipped_spring_hour_moves_forward_and_the_doubled_autumn_hour_takes_the_first()
    {
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), BranchClock.DayOf(new DateOnly(2026, 3, 29), "Europe/Berlin").ToUtc(new TimeSpan(2, 30, 0)));
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), BranchClock.DayOf(new DateOnly(2026, 10, 25), "Europe/Berlin").ToUtc(new TimeSpan(2, 30, 0)));
        Assert.Equal(new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc), BranchClock.DayOf(new DateOnly(2026, 7, 1), "Europe/Berlin").ToUtc(new TimeSpan(10, 0, 0)));
    }
}
