namespace AskPro.Core.Scheduling.GermanDates;

/// <summary>What the caller asked for, understood in the branch's wall clock — or the question
/// to ask back. Never a silent guess.</summary>
public abstract record DateWish
{
    /// <summary>A day and a time ("morgen um halb drei"). Approximate for "so gegen 15 Uhr".</summary>
    public sealed record At(DateOnly Date, TimeOnly Time, bool Approximate = false) : DateWish
    {
        /// <summary>The period said with the time ("nachmittags um 3": 13–17), which alternatives keep to.</summary>
        public (TimeOnly From, TimeOnly To)? Period { get; init; }
    }

    /// <summary>A day and a span of it ("Freitag vormittag", "ab 14 Uhr", "zwischen 10 und 12").</summary>
    public sealed record Within(DateOnly Date, TimeOnly From, TimeOnly To) : DateWish;

    /// <summary>A day without a time ("nächsten Dienstag").</summary>
    public sealed record Day(DateOnly Date) : DateWish;

    /// <summary>Several days, each within [From, To) of its wall clock ("Ende nächster Woche",
    /// "am Wochenende vormittags", "so früh wie möglich"). First is never before today; the
    /// answer offers the best free slots inside.</summary>
    public sealed record Days(DateOnly First, DateOnly Last, TimeOnly From, TimeOnly To) : DateWish;

    /// <summary>What to ask the caller, in German for the ear.</summary>
    public sealed record Question(string Text) : DateWish;
}

/// <summary>"Now" and the branch's hours, which the parser needs to read "halb drei" (afternoon
/// when the branch is open then) and to clip "vormittags" to real opening hours.</summary>
public sealed record DateContext(DateTime NowLocal, Func<DateOnly, IReadOnlyList<(TimeOnly Opens, TimeOnly Closes)>> OpeningHours)
{
    public DateOnly Today => DateOnly.FromDateTime(NowLocal);

    public bool IsOpen(DateOnly date, TimeOnly time) => OpeningHours(date).Any(h => time >= h.Opens && time < h.Closes);

    /// <summary>A context with the same hours every weekday (tests, simple callers).</summary>
    public static DateContext WithHours(DateTime nowLocal, Func<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>> hours) =>
        new(nowLocal, date => hours(date.DayOfWeek));
}
