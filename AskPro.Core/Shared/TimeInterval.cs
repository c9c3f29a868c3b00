namespace AskPro.Core.Shared;

/// <summary>A half-open interval [Start, End) of UTC instants.</summary>
public readonly record struct TimeInterval
{
    public TimeInterval(DateTime start, DateTime end)
    {
        if (start.Kind != DateTimeKind.Utc || end.Kind != DateTimeKind.Utc)
            throw new ArgumentException("Intervals are stored in UTC.");
        if (end <= start) throw new ArgumentException("An interval must end after it starts.");
        Start = start;
        End = end;
    }

    public DateTime Start { get; }
    public DateTime End { get; }
    public TimeSpan Duration => End - Start;

    public bool Overlaps(TimeInterval other) => Start < other.End && other.Start < End;

    /// <summary>The interval widened outward to whole multiples of <paramref name="granule"/>
    /// (the unit of slot claims).</summary>
    public IEnumerable<DateTime> Granules(TimeSpan granule)
    {
        var first = new DateTime(Start.Ticks - Start.Ticks % granule.Ticks, DateTimeKind.Utc);
        for (var t = first; t < End; t = t.Add(granule)) yield return t;
    }
}
