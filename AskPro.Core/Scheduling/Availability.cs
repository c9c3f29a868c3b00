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

    // Busy time per staff member, sorted by start, built on first use from the Busy list it was
    // built from (a copy made with `with { Busy = … }` builds its own). A search looks at up to
    // fifteen days of a calendar that holds thousands of intervals; each day needs the few near it.
    private (IReadOnlyList<BusyTime> Source, Dictionary<Guid, (TimeInterval[] Sorted, TimeSpan Longest)> ByStaff)? _busyIndex;

    /// <summary>The staff member's busy time that overlaps <paramref name="window"/>, as sorted,
    /// disjoint intervals (touching or overlapping busy time is one interval: "overlaps busy time"
    /// is the same question, and other callers' holds arrive as one interval per 5 minutes).</summary>
    public List<TimeInterval> BusyOf(Guid staffId, TimeInterval window)
    {
        if (_busyIndex is not { } index || !ReferenceEquals(index.Source, Busy)) _busyIndex = index = (Busy, IndexBusy(Busy));
        var found = new List<TimeInterval>();
        if (!index.ByStaff.TryGetValue(staffId, out var staff)) return found;
        // Nothing that starts before window.Start − longest can reach into the window.
        var from = LowerBound(staff.Sorted, window.Start - staff.Longest);
        for (var i = from; i < staff.Sorted.Length && staff.Sorted[i].Start < window.End; i++)
            if (staff.Sorted[i].Overlaps(window)) found.Add(staff.Sorted[i]);
        return found;
    }

    /// <summary>Per staff member: the busy time sorted by start and merged, and its longest interval.
    /// Built once per search; an array sort by start is several times cheaper than LINQ's OrderBy here.</summary>
    private static Dictionary<Guid, (TimeInterval[] Sorted, TimeSpan Longest)> IndexBusy(IReadOnlyList<BusyTime> busy)
    {
        var byStaff = new Dictionary<Guid, List<TimeInterval>>();
        foreach (var b in busy)
        {
            if (!byStaff.TryGetValue(b.StaffId, out var list)) byStaff[b.StaffId] = list = [];
            list.Add(b.Interval);
        }
        var index = new Dictionary<Guid, (TimeInterval[], TimeSpan)>(byStaff.Count);
        foreach (var (staffId, intervals) in byStaff)
        {
            intervals.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            var merged = new List<TimeInterval>(intervals.Count);
            foreach (var interval in intervals)
            {
                if (merged.Count > 0 && interval.Start <= merged[^1].End)
                {
                    if (interval.End > merged[^1].End) merged[^1] = new TimeInterval(merged[^1].Start, interval.End);
                }
                else merged.Add(interval);
            }
            var longest = TimeSpan.Zero;
            foreach (var interval in merged) if (interval.Duration > longest) longest = interval.Duration;
            index[staffId] = ([.. merged], longest);
        }
        return index;
    }

    private static int LowerBound(TimeInterval[] sorted, DateTime start)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid].Start < start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

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
        var clock = BranchClock.DayOf(day, schedule.TimeZoneId);
        // Only busy time touching this day matters; a full calendar has thousands of intervals.
        var dayUtc = new TimeInterval(clock.ToUtc(TimeSpan.Zero).AddHours(-12), clock.ToUtc(TimeSpan.Zero).AddHours(37));
        var slots = new List<Slot>();

        foreach (var staff in schedule.Staff)
        {
            var hours = staff.WorkingHours.Count == 0
                ? opening
                : staff.WorkingHours.Where(h => h.Day == day.DayOfWeek).Select(h => (h.Opens, h.Closes)).ToList();
            var busy = schedule.BusyOf(staff.StaffId, dayUtc);
            if (staff.Away is { Count: > 0 } away) busy.AddRange(away.Where(a => a.Overlaps(dayUtc)));

            foreach (var (opens, closes) in opening)
            foreach (var (from, to) in hours)
            {
                var start = opens > from ? opens : from;
                var end = closes < to ? closes : to;
                for (var t = AlignUp(start.ToTimeSpan(), grid); t + duration <= end.ToTimeSpan(); t += grid)
                {
                    var startUtc = clock.ToUtc(t);
                    if (startUtc < schedule.EarliestStartUtc || startUtc > schedule.LatestStartUtc) continue;
                    var blocked = new TimeInterval(startUtc, startUtc + duration + buffer);
                    if (Overlaps(busy, blocked)) continue;
                    slots.Add(new Slot(staff.StaffId, startUtc, startUtc + duration));
                }
            }
        }
        // By start, then in the staff list's order (the first staff member free then comes first).
        var order = schedule.Staff.Select((s, i) => (s.StaffId, i)).ToDictionary(x => x.StaffId, x => x.i);
        slots.Sort((a, b) => a.StartUtc != b.StartUtc ? a.StartUtc.CompareTo(b.StartUtc) : order[a.StaffId].CompareTo(order[b.StaffId]));
        return slots;
    }

    /// <summary>One slot per start time (the first staff member free then), for "any staff".</summary>
    public static IReadOnlyList<Slot> DistinctStarts(IEnumerable<Slot> slots) =>
        slots.GroupBy(s => s.StartUtc).Select(g => g.First()).OrderBy(s => s.StartUtc).ToList();

    /// <summary>Is [start, start + duration) inside the branch's opening hours?</summary>
    public static bool WithinOpeningHours(ScheduleSnapshot schedule, DateOnly day, TimeOnly start, TimeSpan duration) =>
        schedule.OpeningOn(day).Any(h => start >= h.Opens && start.ToTimeSpan() + duration <= h.Closes.ToTimeSpan());

    private static bool Overlaps(List<TimeInterval> busy, TimeInterval blocked)
    {
        foreach (var b in busy)
            if (b.Overlaps(blocked)) return true;
        return false;
    }

    private static TimeSpan AlignUp(TimeSpan time, TimeSpan grid) =>
        TimeSpan.FromTicks((time.Ticks + grid.Ticks - 1) / grid.Ticks * grid.Ticks);
}
