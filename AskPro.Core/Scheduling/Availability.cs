using AskPro.Core.Directory;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Shared;

namespace AskPro.Core.Scheduling;

/// <summary>A bookable start for one staff member (UTC; end without buffer).</summary>
public sealed record Slot(Guid StaffId, DateTime StartUtc, DateTime EndUtc);

/// <summary>Time a staff member cannot take (an appointment with its buffer, another caller's hold).</summary>
public sealed record BusyTime(Guid StaffId, TimeInterval Interval);

/// <summary>When a staff member works (no hours: whenever the branch is open), and when they are
/// away (<see cref="Absence"/>).</summary>
public sealed record StaffSchedule(Guid StaffId, string Name, IReadOnlyList<WeeklyInterval> WorkingHours, IReadOnlyList<TimeInterval>? Away = null)
{
    public static StaffSchedule Of(Staff staff) => new(staff.Id, staff.Name, staff.WorkingHours, [.. staff.Absences.Select(a => a.Interval)]);
}

/// <summary>Everything availability depends on for one branch and one service.</summary>
public sealed record ScheduleSnapshot(
    string TimeZoneId,
    IReadOnlyList<WeeklyInterval> OpeningHours,
    ClosedDays Closed,
    IReadOnlyList<StaffSchedule> Staff,
    IReadOnlyList<BusyTime> Busy,
    int GridMinutes,
    DateTime EarliestStartUtc,
    DateTime LatestStartUtc)
{
    public bool IsClosed(DateOnly day) => Closed.IsClosed(day);

    /// <summary>The branch's opening intervals on <paramref name="day"/> (none on closures and
    /// public holidays of its region).</summary>
    public IReadOnlyList<(TimeOnly Opens, TimeOnly Closes)> OpeningOn(DateOnly day) =>
        IsClosed(day) ? [] : OpeningHours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Opens).Select(h => (h.Opens, h.Closes)).ToList();
}

/// <summary>Availability = opening hours ∩ staff hours − absences − busy time, for the service's duration
/// (+ buffer), on the company's slot grid, between minimum notice and the booking horizon.</summary>
public static class Availability
{
    public static IReadOnlyList<Slot> FreeSlots(ScheduleSnapshot schedule, TimeSpan duration, TimeSpan buffer, DateOnly day)
    {
        var opening = schedule.OpeningOn(day);
        if (opening.Count == 0) return [];
        var grid = TimeSpan.FromMinutes(Math.Max(5, schedule.GridMinutes));
        // Only busy time touching this day matters; a full calendar has thousands of intervals.
        var dayUtc = new TimeInterval(
            BranchClock.ToUtc(day.ToDateTime(TimeOnly.MinValue), schedule.TimeZoneId).AddHours(-12),
            BranchClock.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), schedule.TimeZoneId).AddHours(12));
        var busyByStaff = schedule.Busy.Where(b => b.Interval.Overlaps(dayUtc)).ToLookup(b => b.StaffId, b => b.Interval);
        var order = schedule.Staff.Select((s, i) => (s.StaffId, i)).ToDictionary(x => x.StaffId, x => x.i);
        var slots = new List<Slot>();

        foreach (var staff in schedule.Staff)
        {
            var hours = staff.WorkingHours.Count == 0
                ? opening
                : staff.WorkingHours.Where(h => h.Day == day.DayOfWeek).Select(h => (h.Opens, h.Closes)).ToList();
            var busy = busyByStaff[staff.StaffId].Concat(staff.Away?.Where(a => a.Overlaps(dayUtc)) ?? []).ToList();

            foreach (var (opens, closes) in opening)
            foreach (var (from, to) in hours)
            {
                var start = opens > from ? opens : from;
                var end = closes < to ? closes : to;
                for (var t = AlignUp(start.ToTimeSpan(), grid); t + duration <= end.ToTimeSpan(); t += grid)
                {
                    var startUtc = BranchClock.ToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(t)), schedule.TimeZoneId);
                    if (startUtc < schedule.EarliestStartUtc || startUtc > schedule.LatestStartUtc) continue;
                    var blocked = new TimeInterval(startUtc, startUtc + duration + buffer);
                    if (busy.Any(b => b.Overlaps(blocked))) continue;
                    slots.Add(new Slot(staff.StaffId, startUtc, startUtc + duration));
                }
            }
        }
        return slots.OrderBy(s => s.StartUtc).ThenBy(s => order[s.StaffId]).ToList();
    }

    /// <summary>One slot per start time (the first staff member free then), for "any staff".</summary>
    public static IReadOnlyList<Slot> DistinctStarts(IEnumerable<Slot> slots) =>
        slots.GroupBy(s => s.StartUtc).Select(g => g.First()).OrderBy(s => s.StartUtc).ToList();

    /// <summary>Is [start, start + duration) inside the branch's opening hours?</summary>
    public static bool WithinOpeningHours(ScheduleSnapshot schedule, DateOnly day, TimeOnly start, TimeSpan duration) =>
        schedule.OpeningOn(day).Any(h => start >= h.Opens && start.ToTimeSpan() + duration <= h.Closes.ToTimeSpan());

    private static TimeSpan AlignUp(TimeSpan time, TimeSpan grid) =>
        TimeSpan.FromTicks((time.Ticks + grid.Ticks - 1) / grid.Ticks * grid.Ticks);
}
