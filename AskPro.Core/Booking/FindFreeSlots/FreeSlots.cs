using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.Holidays;

namespace AskPro.Core.Booking;

/// <summary>The answer of <see cref="FindFreeSlots"/>: free starts (one per time, the first of
/// the staff free then) per day, computed on first ask.</summary>
public sealed class FreeSlots(ScheduleSnapshot schedule, Service service, Func<Slot, bool> allowed)
{
    private readonly Dictionary<DateOnly, IReadOnlyList<Slot>> _days = [];
    private readonly Dictionary<DateOnly, IReadOnlyList<Slot>> _allStaff = [];

    public ScheduleSnapshot Schedule => schedule;
    public Func<Slot, bool> Allowed => allowed;

    public IReadOnlyList<Slot> On(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var slots))
            _days[day] = slots = Availability.DistinctStarts(AllStaffOn(day)).Where(allowed).ToList();
        return slots;
    }

    /// <summary>Every staff member's free slots that day (a check asks for its wished day twice: the point, then the alternatives).</summary>
    private IReadOnlyList<Slot> AllStaffOn(DateOnly day)
    {
        if (!_allStaff.TryGetValue(day, out var slots))
            _allStaff[day] = slots = Availability.FreeSlots(schedule, service.Duration, service.Buffer, day);
        return slots;
    }

    /// <summary>The free slot starting exactly at <paramref name="startUtc"/>, if any (any staff of the search).</summary>
    public Slot? At(DateOnly day, DateTime startUtc) =>
        AllStaffOn(day).FirstOrDefault(s => s.StartUtc == startUtc && allowed(s));

    /// <summary>The first <paramref name="count"/> free starts at or after an instant.</summary>
    public IReadOnlyList<Slot> From(DateTime fromUtc, int count)
    {
        var result = new List<Slot>();
        var firstDay = DateOnly.FromDateTime(BranchClock.ToLocal(fromUtc, schedule.TimeZoneId).DateTime);
        for (var d = firstDay; d < firstDay.AddDays(SlotSearch.SearchDays) && result.Count < count; d = d.AddDays(1))
            result.AddRange(On(d).Where(s => s.StartUtc >= fromUtc).Take(count - result.Count));
        return result;
    }

    /// <summary>Why the branch is closed that day (a closure or a public holiday), if it is.</summary>
    public ClosedDay? ClosedOn(DateOnly day) => schedule.Closed.On(day);

    /// <summary>Is the branch open at any moment of [from, to) that day?</summary>
    public bool OpenDuring(DateOnly day, TimeOnly from, TimeOnly to) => schedule.OpeningOn(day).Any(h => h.Opens < to && from < h.Closes);

    /// <summary>Up to three alternatives to a wish (<see cref="AlternativeRanking"/>), among the starts this asker may be offered.</summary>
    public IReadOnlyList<Slot> Offer(AlternativeWish wish) => AlternativeRanking.Offer(wish, schedule.TimeZoneId, On);

    /// <summary>Up to three starts spread over a window of one day.</summary>
    public IReadOnlyList<Slot> Within(DateOnly day, DateTime fromUtc, DateTime toUtc) =>
        Alternatives.SpreadOver(On(day).Where(s => s.StartUtc >= fromUtc && s.StartUtc < toUtc));
}
