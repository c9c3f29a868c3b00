using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Tests.Scheduling;

/// <summary>The availability engine on a salon with a lunch break (09–12, 13–18), two stylists
/// and a 30-minute service with 10 minutes buffer, on a 15-minute grid, in Berlin.</summary>
public sealed class AvailabilityTests
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Mehmet = Guid.NewGuid();
    private static readonly TimeSpan Thirty = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Ten = TimeSpan.FromMinutes(10);

    private static DateTime Berlin(DateOnly day, string time) => BranchClock.ToUtc(day.ToDateTime(TimeOnly.Parse(time)), "Europe/Berlin");
    private static string Local(Slot s) => BranchClock.ToLocal(s.StartUtc, "Europe/Berlin").ToString("HH:mm");

    private static ScheduleSnapshot Salon(IReadOnlyList<BusyTime>? busy = null, DateTime? earliest = null, IReadOnlyList<Closure>? closures = null,
        IReadOnlyList<WeeklyInterval>? mehmetHours = null)
    {
        WeeklyInterval[] hours = [.. Enumerable.Range(1, 5).SelectMany(d => new[] { WeeklyInterval.Of((DayOfWeek)d, "09:00", "12:00"), WeeklyInterval.Of((DayOfWeek)d, "13:00", "18:00") }),
            WeeklyInterval.Of(DayOfWeek.Saturday, "09:00", "14:00")];
        return new ScheduleSnapshot("Europe/Berlin", hours, new ClosedDays(closures ?? [], []),
            [new StaffSchedule(Anna, "Anna", []), new StaffSchedule(Mehmet, "Mehmet", mehmetHours ?? [])],
            busy ?? [], 15, earliest ?? new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Split_opening_hours_leave_the_lunch_break_free()
    {
        var slots = Availability.FreeSlots(Salon(), Thirty, Ten, Tuesday).Where(s => s.StaffId == Anna).Select(Local).ToList();
        Assert.Equal("09:00", slots.First());
        Assert.Contains("11:30", slots);
        Assert.DoesNotContain("11:45", slots); // would run into the break
        Assert.DoesNotContain("12:00", slots);
        Assert.Contains("13:00", slots);
        Assert.Equal("17:30", slots.Last());
    }

    [Fact]
    public void Buffer_after_an_appointment_blocks_the_next_grid_slot()
    {
        // Anna has 10:00–10:40 (30 min + 10 min buffer).
        var busy = new[] { new BusyTime(Anna, new TimeInterval(Berlin(Tuesday, "10:00"), Berlin(Tuesday, "10:40"))) };
        var slots = Availability.FreeSlots(Salon(busy), Thirty, Ten, Tuesday).Where(s => s.StaffId == Anna).Select(Local).ToList();
        Assert.Contains("09:15", slots);      // 09:15–09:55 incl. buffer: fits
        Assert.DoesNotContain("09:30", slots); // its buffer would reach 10:10
        Assert.DoesNotContain("10:30", slots);
        Assert.Contains("10:45", slots);
    }

    [Fact]
    public void Minimum_notice_and_closures_are_respected()
    {
        var earliest = Berlin(Tuesday, "14:00");
        Assert.Equal("14:00", Local(Availability.FreeSlots(Salon(earliest: earliest), Thirty, Ten, Tuesday)[0]));
        var christmas = new[] { new Closure { From = Tuesday, To = Tuesday, Reason = "Betriebsausflug" } };
        Assert.Empty(Availability.FreeSlots(Salon(closures: christmas), Thirty, Ten, Tuesday));
        Assert.Empty(Availability.FreeSlots(Salon(), Thirty, Ten, new DateOnly(2026, 11, 29))); // Sunday
    }

    [Fact]
    public void Staff_hours_narrow_the_branch_hours_and_any_staff_takes_whoever_is_free()
    {
        var mehmetAfternoons = new[] { WeeklyInterval.Of(DayOfWeek.Tuesday, "14:00", "18:00") };
        var annaBusy = new[] { new BusyTime(Anna, new TimeInterval(Berlin(Tuesday, "14:00"), Berlin(Tuesday, "15:00"))) };
        var slots = Availability.FreeSlots(Salon(annaBusy, mehmetHours: mehmetAfternoons), Thirty, Ten, Tuesday);
        Assert.DoesNotContain(slots, s => s.StaffId == Mehmet && Local(s) == "10:00");
        Assert.Contains(slots, s => s.StaffId == Anna && Local(s) == "10:00");

        var any = Availability.DistinctStarts(slots);
        Assert.Equal(Mehmet, any.Single(s => Local(s) == "14:00").StaffId); // Anna is busy then
        Assert.Equal(Anna, any.Single(s => Local(s) == "10:00").StaffId);
    }

    [Fact]
    public void Alternatives_are_the_nearest_free_slots_never_the_wish()
    {
        var busy = new[] { new BusyTime(Anna, new TimeInterval(Berlin(Tuesday, "09:00"), Berlin(Tuesday, "18:00"))) };
        var schedule = Salon(busy, mehmetHours: [WeeklyInterval.Of(DayOfWeek.Tuesday, "15:00", "16:00"), WeeklyInterval.Of(DayOfWeek.Wednesday, "09:00", "18:00")]);
        var wish = Berlin(Tuesday, "14:30");
        IReadOnlyList<Slot> FreeOn(DateOnly d) => Availability.DistinctStarts(Availability.FreeSlots(schedule, Thirty, Ten, d));

        var offered = AlternativeRanking.Offer(AlternativeWish.At(Tuesday, new TimeOnly(14, 30)), "Europe/Berlin", FreeOn);

        Assert.Equal(3, offered.Count);
        Assert.DoesNotContain(offered, s => s.StartUtc == wish);
        // nothing earlier that day: the first two later ones, 30 minutes apart, then the same time tomorrow
        Assert.Equal(["Tue 15:00", "Tue 15:30", "Wed 14:30"], offered.Select(Spoken).ToList());
    }

    [Fact]
    public void The_callers_own_appointments_are_never_offered()
    {
        var schedule = Salon();
        var wish = Berlin(Tuesday, "10:00");
        IReadOnlyList<Slot> FreeOn(DateOnly d) => Availability.DistinctStarts(Availability.FreeSlots(schedule, Thirty, Ten, d));
        var own = new TimeInterval(Berlin(Tuesday, "09:30"), Berlin(Tuesday, "10:45"));
        IReadOnlyList<Slot> NotOwn(DateOnly d) => FreeOn(d).Where(s => !own.Overlaps(new TimeInterval(s.StartUtc, s.EndUtc))).ToList();
        var offered = AlternativeRanking.Offer(AlternativeWish.At(Tuesday, new TimeOnly(10, 0)), "Europe/Berlin", NotOwn);
        Assert.All(offered, s => Assert.False(own.Overlaps(new TimeInterval(s.StartUtc, s.EndUtc))));
        Assert.Contains(offered, s => Local(s) == "09:00");
        Assert.Contains(offered, s => Local(s) == "10:45");
    }

    [Theory]
    [InlineData("2026-11-24", "07:30", "Tue 09:00|Tue 09:30|Wed 09:00")]  // before opening: the first slots, then tomorrow
    [InlineData("2026-11-24", "12:15", "Tue 11:30|Tue 13:00|Wed 11:30")]  // in the lunch break: either side of it
    [InlineData("2026-11-24", "18:30", "Tue 17:00|Tue 17:30|Wed 17:30")]  // after closing: the latest slots, then tomorrow's latest
    [InlineData("2026-11-28", "15:00", "Sat 13:00|Sat 13:30|Mon 15:00")]  // Saturday after 14:00: Saturday's last, then Monday
    [InlineData("2026-11-29", "10:00", "Mon 10:00|Tue 10:00|Wed 10:00")]  // Sunday (closed): the same time on the next open days
    [InlineData("2026-11-27", "19:00", "Fri 17:00|Fri 17:30|Sat 13:30")]  // Friday evening: Friday's last, then Saturday (open)
    public void A_wish_outside_hours_gets_what_a_receptionist_would_offer(string day, string time, string expected)
    {
        var schedule = Salon();
        IReadOnlyList<Slot> FreeOn(DateOnly d) => Availability.DistinctStarts(Availability.FreeSlots(schedule, Thirty, Ten, d));
        var offered = AlternativeRanking.Offer(AlternativeWish.At(DateOnly.Parse(day), TimeOnly.Parse(time)), "Europe/Berlin", FreeOn);
        Assert.Equal(expected, string.Join("|", offered.Select(Spoken)));
    }

    private static string Spoken(Slot s) => BranchClock.ToLocal(s.StartUtc, "Europe/Berlin").ToString("ddd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Slots_on_the_spring_DST_day_are_real_instants()
    {
        var monday = new DateOnly(2026, 3, 30); // the day after the change: UTC+2
        var first = Availability.FreeSlots(Salon(earliest: new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)), Thirty, Ten, monday)[0];
        Assert.Equal(new DateTime(2026, 3, 30, 7, 0, 0, DateTimeKind.Utc), first.StartUtc);
    }
}
