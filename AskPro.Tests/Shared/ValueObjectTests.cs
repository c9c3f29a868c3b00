using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Tests.Shared;

public sealed class E164NumberTests
{
    [Theory]
    [InlineData("+493055501000", "+493055501000")]
    [InlineData("030 55501000", "+493055501000")]
    [InlineData("0049 30 55501000", "+493055501000")]
    [InlineData("+49 (0)30 55501000", "+493055501000")]
    [InlineData("0171-1234567", "+491711234567")]
    [InlineData("(0171) 123 45 67", "+491711234567")]
    [InlineData("+43 1 5321234", "+4315321234")]
    [InlineData("1711234567", "+491711234567")] // national number without its 0, as Google reads it
    public void Typed_spellings_become_E164(string input, string expected) =>
        Assert.Equal(expected, E164Number.Parse(input).Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anonymous")]
    [InlineData("+49 171 1234567<script>")]
    [InlineData("+49171'; DROP TABLE x;--")]
    [InlineData("+49 171 12")]
    [InlineData("+4917112345678901234")]
    [InlineData("+49 171 １２３４５６７")]
    [InlineData("++491711234567")]
    public void Junk_is_refused(string input) => Assert.False(E164Number.TryParse(input, "DE", out _));

    [Fact]
    public void Masking_hides_all_but_the_last_two_digits() =>
        Assert.Equal("+49********67", E164Number.Parse("+491711234567").Masked);
}

public sealed class TimeIntervalTests
{
    private static DateTime Utc(int hour, int minute) => new(2026, 11, 24, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Granules_cover_the_interval_outward()
    {
        var granules = new TimeInterval(Utc(9, 3), Utc(9, 21)).Granules(TimeSpan.FromMinutes(5)).ToList();
        Assert.Equal([Utc(9, 0), Utc(9, 5), Utc(9, 10), Utc(9, 15), Utc(9, 20)], granules);
    }

    [Fact]
    public void Touching_intervals_do_not_overlap()
    {
        Assert.False(new TimeInterval(Utc(9, 0), Utc(9, 30)).Overlaps(new TimeInterval(Utc(9, 30), Utc(10, 0))));
        Assert.True(new TimeInterval(Utc(9, 0), Utc(9, 31)).Overlaps(new TimeInterval(Utc(9, 30), Utc(10, 0))));
    }

    [Fact]
    public void Local_or_empty_intervals_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TimeInterval(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Local), Utc(10, 0)));
        Assert.Throws<ArgumentException>(() => new TimeInterval(Utc(10, 0), Utc(10, 0)));
    }
}

public sealed class BranchClockTests
{
    private const string Berlin = "Europe/Berlin";

    [Fact]
    public void Winter_and_summer_offsets_follow_the_branch_zone()
    {
        Assert.Equal("2026-11-24T14:30:00+01:00", BranchClock.ToLocal(new DateTime(2026, 11, 24, 13, 30, 0, DateTimeKind.Utc), Berlin).ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.Equal("2026-07-01T14:30:00+02:00", BranchClock.ToLocal(new DateTime(2026, 7, 1, 12, 30, 0, DateTimeKind.Utc), Berlin).ToString("yyyy-MM-ddTHH:mm:sszzz"));
    }

    [Fact]
    public void The_skipped_hour_in_March_moves_forward()
    {
        // 29 March 2026: 02:00 → 03:00. 02:30 does not exist; it becomes 03:30 CEST = 01:30 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), BranchClock.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), Berlin));
    }

    [Fact]
    public void The_repeated_hour_in_October_takes_the_first()
    {
        // 25 October 2026: 03:00 → 02:00. 02:30 happens twice; the first is 02:30 CEST = 00:30 UTC.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), BranchClock.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), Berlin));
    }

    [Fact]
    public void Just_after_midnight_local_is_the_previous_day_in_UTC()
    {
        Assert.Equal(new DateTime(2026, 11, 23, 23, 30, 0, DateTimeKind.Utc), BranchClock.ToUtc(new DateTime(2026, 11, 24, 0, 30, 0), Berlin));
    }
}
