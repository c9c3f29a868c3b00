namespace AskPro.Core.Scheduling;

/// <summary>What the caller wished, for choosing alternatives: the day and time, and the part of
/// the day they allow ([From, To) of the wall clock; "nachmittags" is 13–17, no period is the
/// whole day).</summary>
public sealed record AlternativeWish(DateOnly Day, TimeOnly Time, TimeOnly From, TimeOnly To)
{
    public static AlternativeWish At(DateOnly day, TimeOnly time, (TimeOnly From, TimeOnly To)? period = null) =>
        new(day, time, period?.From ?? TimeOnly.MinValue, period?.To ?? TimeOnly.MaxValue);
}

/// <summary>Up to three alternatives, chosen the way a receptionist offers them (docs/ALTERNATIVES.md):
/// <list type="number">
/// <item>On the wished day: the nearest free start before the wish and the nearest after it. A
/// wish after the last free start of the day (after closing) gets the latest starts of that day;
/// one before the first (before opening) gets the first starts. At most two from that day.</item>
/// <item>Then the same time on the next open days: on each of the next days with room, the free
/// start nearest to the wished time.</item>
/// <item>Then anything else free on those days, nearest day and time first.</item>
/// </list>
/// Only starts inside the caller's period are considered, and never the wish itself. Spread: no
/// two offered starts less than 30 minutes apart on one day — a neighbour is taken only when
/// nothing else is free (then, and only then, "09:00, 09:15, 09:30" can happen). The free starts
/// come in already narrowed to the wished staff member and without the caller's own appointments.</summary>
public static class AlternativeRanking
{
    public const int Max = 3;
    public const int SearchDays = 14;
    private const int SameDayMax = 2;
    public static readonly TimeSpan NeighbourGap = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<Slot> Offer(AlternativeWish wish, string timeZoneId, Func<DateOnly, IReadOnlyList<Slot>> freeOn)
    {
        var wishUtc = BranchClock.ToUtc(wish.Day.ToDateTime(wish.Time), timeZoneId);
        var zone = BranchClock.Zone(timeZoneId);
        TimeOnly Local(Slot s) => BranchClock.TimeOfDay(s.StartUtc, zone);
        bool InPeriod(Slot s) => Local(s) is var t && t >= wish.From && t < wish.To;
        double FromWishedTime(Slot s) => Math.Abs((Local(s).ToTimeSpan() - wish.Time.ToTimeSpan()).TotalMinutes);

        var sameDay = freeOn(wish.Day).Where(s => s.StartUtc != wishUtc && InPeriod(s)).OrderBy(s => s.StartUtc).ToList();
        var before = sameDay.Where(s => s.StartUtc < wishUtc).Reverse().ToList();
        var after = sameDay.Where(s => s.StartUtc > wishUtc).ToList();
        var sameDayFirst = (before.Count, after.Count) switch
        {
            (_, 0) => before,                                                 // after closing: the latest starts
            (0, _) => after,                                                  // before opening: the first starts
            _ => [before[0], after[0], .. Interleave(before.Skip(1), after.Skip(1))],
        };

        var nextDays = new List<Slot>();
        var rest = new List<Slot>(sameDay.OrderBy(FromWishedTime));
        for (var d = wish.Day.AddDays(1); d <= wish.Day.AddDays(SearchDays) && nextDays.Count < Max; d = d.AddDays(1))
        {
            var free = freeOn(d).Where(InPeriod).OrderBy(FromWishedTime).ThenBy(s => s.StartUtc).ToList();
            if (free.Count == 0) continue;
            nextDays.Add(free[0]);
            rest.AddRange(free.Skip(1));
        }

        var chosen = new List<Slot>(Max);
        Take(chosen, sameDayFirst, SameDayMax, spread: true);
        Take(chosen, nextDays, Max, spread: true);
        Take(chosen, rest, Max, spread: true);
        Take(chosen, [.. sameDayFirst, .. nextDays, .. rest], Max, spread: false); // nothing else is free
        return chosen.OrderBy(s => s.StartUtc).ToList();
    }

    private static void Take(List<Slot> chosen, IEnumerable<Slot> candidates, int upTo, bool spread)
    {
        var taken = 0;
        foreach (var slot in candidates)
        {
            if (chosen.Count >= Max || taken >= upTo) return;
            if (chosen.Any(c => c.StartUtc == slot.StartUtc)) continue;
            if (spread && chosen.Any(c => IsNeighbour(c, slot))) continue;
            chosen.Add(slot);
            taken++;
        }
    }

    /// <summary>Two starts less than 30 minutes apart (on one day, then).</summary>
    public static bool IsNeighbour(Slot a, Slot b) => (a.StartUtc - b.StartUtc).Duration() < NeighbourGap;

    private static IEnumerable<Slot> Interleave(IEnumerable<Slot> a, IEnumerable<Slot> b)
    {
        using var x = a.GetEnumerator();
        using var y = b.GetEnumerator();
        bool hasX, hasY;
        while ((hasX = x.MoveNext()) | (hasY = y.MoveNext()))
        {
            if (hasX) yield return x.Current;
            if (hasY) yield return y.Current;
        }
    }
}
