using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Shared;

namespace AskPro.Tests.Scheduling;

/// <summary>Alternatives as a receptionist offers them (AlternativeRanking), over random calendars:
/// every offer is really free and inside the hours, inside the caller's period, never the wish,
/// and spread — two starts less than 30 minutes apart only when nothing else is free that day.</summary>
public sealed class AlternativeRankingTests
{
    private const string Zone = "Europe/Berlin";
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Buffer = TimeSpan.FromMinutes(10);
    private static readonly DateOnly FirstDay = new(2026, 11, 23);

    private sealed record Calendar(ScheduleSnapshot Schedule, AlternativeWish Wish, DateTime WishUtc);

    private static Calendar RandomCalendar(int seed)
    {
        var random = new Random(seed);
        var hours = new List<WeeklyInterval>();
        foreach (var weekday in Enum.GetValues<DayOfWeek>())
        {
            if (random.Next(7) == 0) continue; // some days closed
            var opens = 7 + random.Next(4);
            if (random.Next(3) == 0) { hours.Add(WeeklyInterval.Of(weekday, $"{opens:00}:00", "12:00")); hours.Add(WeeklyInterval.Of(weekday, "13:00", $"{15 + random.Next(5)}:30")); }
            else hours.Add(WeeklyInterval.Of(weekday, $"{opens:00}:00", $"{13 + random.Next(8)}:00"));
        }
        Guid[] staff = [Guid.NewGuid(), Guid.NewGuid()];
        var busy = new List<BusyTime>();
        for (var i = 0; i < random.Next(10, 160); i++)
        {
            var start = BranchClock.ToUtc(FirstDay.AddDays(random.Next(16)).ToDateTime(new TimeOnly(7 + random.Next(13), 15 * random.Next(4))), Zone);
            busy.Add(new BusyTime(staff[random.Next(2)], new TimeInterval(start, start.AddMinutes(15 * random.Next(1, 12)))));
        }
        var closures = random.Next(3) == 0 ? new[] { new Closure { From = FirstDay.AddDays(random.Next(10)), To = FirstDay.AddDays(random.Next(10, 13)), Reason = "Betriebsurlaub" } } : [];
        var holidays = random.Next(3) == 0 ? new[] { new Holiday(FirstDay.AddDays(random.Next(14)), "Feiertag") } : [];
        var schedule = new ScheduleSnapshot(Zone, hours, new ClosedDays(closures, holidays),
            [.. staff.Select(s => new StaffSchedule(s, "x", []))], busy, 15,
            new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc));
        var day = FirstDay.AddDays(random.Next(7));
        var time = new TimeOnly(6 + random.Next(16), 15 * random.Next(4));
        (TimeOnly, TimeOnly)? period = random.Next(3) switch { 0 => (new(13, 0), new(17, 0)), 1 => (new(9, 0), new(12, 0)), _ => null };
        return new Calendar(schedule, AlternativeWish.At(day, time, period), BranchClock.ToUtc(day.ToDateTime(time), Zone));
    }

    private static IReadOnlyList<Slot> FreeOn(ScheduleSnapshot schedule, DateOnly day) =>
        Availability.DistinctStarts(Availability.FreeSlots(schedule, Duration, Buffer, day));

    private static TimeOnly Local(DateTime utc) => TimeOnly.FromDateTime(BranchClock.ToLocal(utc, Zone).DateTime);
    private static DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(BranchClock.ToLocal(utc, Zone).DateTime);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 300)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Offers_are_free_inside_hours_and_period_and_spread(int seed)
    {
        var (schedule, wish, wishUtc) = RandomCalendar(seed);
        var offered = AlternativeRanking.Offer(wish, Zone, d => FreeOn(schedule, d));

        Assert.True(offered.Count <= 3);
        Assert.Equal(offered.Count, offered.Select(s => s.StartUtc).Distinct().Count());
        foreach (var slot in offered)
        {
            Assert.NotEqual(wishUtc, slot.StartUtc);
            var day = LocalDay(slot.StartUtc);
            var start = Local(slot.StartUtc);
            Assert.True(Availability.WithinOpeningHours(schedule, day, start, Duration), $"seed {seed}: {day} {start} outside the hours");
            Assert.False(schedule.IsClosed(day), $"seed {seed}: offered on a closed day {day}");
            var blocked = new TimeInterval(slot.StartUtc, slot.StartUtc + Duration + Buffer);
            Assert.DoesNotContain(schedule.Busy, b => b.StaffId == slot.StaffId && b.Interval.Overlaps(blocked));
            Assert.True(start >= wish.From && start < wish.To, $"seed {seed}: {start} outside the caller's period");
        }

        // Neighbours (< 30 min) only when nothing else is free that day: every free start of the
        // wished day (in the period) is then offered or a neighbour of an offer.
        var neighbours = offered.Any(a => offered.Any(b => a != b && AlternativeRanking.IsNeighbour(a, b)));
        if (neighbours)
        {
            var others = FreeOn(schedule, wish.Day).Where(s => s.StartUtc != wishUtc && Local(s.StartUtc) >= wish.From && Local(s.StartUtc) < wish.To);
            Assert.All(others, s => Assert.Contains(offered, o => o.StartUtc == s.StartUtc || AlternativeRanking.IsNeighbour(o, s)));
        }
    }

    [Fact]
    public void A_wish_after_closing_gets_that_days_latest_slots_not_the_next_morning()
    {
        var open = new ScheduleSnapshot(Zone, [.. Enum.GetValues<DayOfWeek>().Select(d => WeeklyInterval.Of(d, "09:00", "18:00"))], ClosedDays.None,
            [new StaffSchedule(Guid.NewGuid(), "Anna", [])], [], 15, new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc));
        var offered = AlternativeRanking.Offer(AlternativeWish.At(FirstDay, new TimeOnly(18, 0)), Zone, d => FreeOn(open, d));
        Assert.Equal(["2026-11-23 17:00", "2026-11-23 17:30", "2026-11-24 17:30"],
            offered.Select(s => $"{LocalDay(s.StartUtc):yyyy-MM-dd} {Local(s.StartUtc):HH\\:mm}").ToList());
    }

    [Fact]
    public void A_fully_booked_afternoon_is_answered_with_afternoons_of_the_next_days()
    {
        var anna = Guid.NewGuid();
        var fullAfternoon = new BusyTime(anna, new TimeInterval(BranchClock.ToUtc(FirstDay.ToDateTime(new TimeOnly(12, 0)), Zone), BranchClock.ToUtc(FirstDay.ToDateTime(new TimeOnly(18, 0)), Zone)));
        var schedule = new ScheduleSnapshot(Zone, [.. Enum.GetValues<DayOfWeek>().Select(d => WeeklyInterval.Of(d, "09:00", "18:00"))], ClosedDays.None,
            [new StaffSchedule(anna, "Anna", [])], [fullAfternoon], 15, new DateTime(2026, 11, 23, 6, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc));
        var offered = AlternativeRanking.Offer(AlternativeWish.At(FirstDay, new TimeOnly(15, 0), (new TimeOnly(13, 0), new TimeOnly(17, 0))), Zone, d => FreeOn(schedule, d));
        Assert.Equal(["2026-11-24 15:00", "2026-11-25 15:00", "2026-11-26 15:00"],
            offered.Select(s => $"{LocalDay(s.StartUtc):yyyy-MM-dd} {Local(s.StartUtc):HH\\:mm}").ToList());
    }
}
