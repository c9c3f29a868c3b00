namespace AskPro.Core.Directory;

/// <summary>One interval of a weekly schedule ("Monday 09:00–12:00"). A day may have several.</summary>
public sealed class WeeklyInterval
{
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }

    public static WeeklyInterval Of(DayOfWeek day, string opens, string closes)
    {
        var interval = new WeeklyInterval { Day = day, Opens = TimeOnly.Parse(opens), Closes = TimeOnly.Parse(closes) };
        return interval.Closes > interval.Opens ? interval : throw new ArgumentException("An interval must close after it opens.");
    }
}
