namespace AskPro.Core.Scheduling;

/// <summary>Up to three slots to offer when the wish is not free: the nearest earlier and later
/// the same day, the same time on the next open days, and the next free slot — ranked by one
/// score, the distance from the wish in minutes (smaller is better; ties: earlier first). The
/// wish itself and anything the <paramref name="allowed"/> filter refuses (the caller's own
/// appointments) are never offered.</summary>
public static class Alternatives
{
    public const int Max = 3;
    private const int SearchDays = 14;

    public static IReadOnlyList<Slot> Around(DateTime wishUtc, DateOnly wishDay, string timeZoneId,
        Func<DateOnly, IReadOnlyList<Slot>> freeOn, Func<Slot, bool> allowed)
    {
        var candidates = new List<Slot>();
        var wishLocalTime = TimeOnly.FromDateTime(BranchClock.ToLocal(wishUtc, timeZoneId).DateTime);

        var sameDay = freeOn(wishDay).Where(allowed).Where(s => s.StartUtc != wishUtc).ToList();
        if (sameDay.LastOrDefault(s => s.StartUtc < wishUtc) is { } earlier) candidates.Add(earlier);
        if (sameDay.FirstOrDefault(s => s.StartUtc > wishUtc) is { } later) candidates.Add(later);

        Slot? nextFree = candidates.FirstOrDefault(s => s.StartUtc > wishUtc);
        var sameTimeFound = 0;
        for (var d = wishDay.AddDays(1); d <= wishDay.AddDays(SearchDays) && (sameTimeFound < 2 || nextFree is null); d = d.AddDays(1))
        {
            var free = freeOn(d).Where(allowed).ToList();
            if (free.Count == 0) continue;
            nextFree ??= free[0];
            if (sameTimeFound < 2 && free.FirstOrDefault(s => TimeOnly.FromDateTime(BranchClock.ToLocal(s.StartUtc, timeZoneId).DateTime) == wishLocalTime) is { } sameTime)
            {
                candidates.Add(sameTime);
                sameTimeFound++;
            }
        }
        if (nextFree is not null) candidates.Add(nextFree);

        return candidates
            .Where(s => s.StartUtc != wishUtc)
            .GroupBy(s => s.StartUtc).Select(g => g.First())
            .OrderBy(s => Math.Abs((s.StartUtc - wishUtc).TotalMinutes)).ThenBy(s => s.StartUtc)
            .Take(Max)
            .OrderBy(s => s.StartUtc)
            .ToList();
    }

    /// <summary>Up to three starts spread over a window ("vormittags"): the first free one, then
    /// each next one at least an hour later.</summary>
    public static IReadOnlyList<Slot> SpreadOver(IEnumerable<Slot> slots)
    {
        var chosen = new List<Slot>();
        foreach (var slot in slots.OrderBy(s => s.StartUtc))
        {
            if (chosen.Count == Max) break;
            if (chosen.Count == 0 || slot.StartUtc >= chosen[^1].StartUtc.AddHours(1)) chosen.Add(slot);
        }
        return chosen;
    }

    /// <summary>Up to three starts over several days: the earliest free one of each of the first
    /// days that have one; when fewer days have room, the rest spread over those days (an hour apart).</summary>
    public static IReadOnlyList<Slot> AcrossDays(IReadOnlyList<IReadOnlyList<Slot>> freePerDay)
    {
        var chosen = freePerDay.Where(d => d.Count > 0).Take(Max).Select(d => d[0]).ToList();
        if (chosen.Count < Max)
            foreach (var slot in SpreadOver(freePerDay.SelectMany(d => d)))
                if (chosen.Count < Max && chosen.All(c => Math.Abs((c.StartUtc - slot.StartUtc).TotalMinutes) >= 60)) chosen.Add(slot);
        return chosen.OrderBy(s => s.StartUtc).ToList();
    }
}
