namespace AskPro.Core.Scheduling;

/// <summary>Offers inside a window or a span the caller asked for ("vormittags", "Ende nächster
/// Woche"). Alternatives to a wish that is not free are <see cref="AlternativeRanking"/>'s.</summary>
public static class Alternatives
{
    public const int Max = AlternativeRanking.Max;

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
