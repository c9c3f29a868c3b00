using System.Globalization;

namespace AskPro.Core.Scheduling.GermanDates;

/// <summary>The one formatter for dates and times the agent reads out: "Dienstag, 24. November,
/// um 14:30 Uhr", "heute um 15 Uhr". Never ISO, never "halb fünfzehn".</summary>
public static class GermanSpeech
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Time(TimeOnly time) =>
        time.Minute == 0 ? $"{time.Hour} Uhr" : $"{time.Hour}:{time.Minute:00} Uhr";

    /// <summary>"heute", "morgen", "übermorgen", else "Dienstag, 24. November" (with the year
    /// when it is not this year).</summary>
    public static string Date(DateOnly date, DateOnly today) => (date.DayNumber - today.DayNumber) switch
    {
        0 => "heute",
        1 => "morgen",
        2 => "übermorgen",
        _ => date.Year == today.Year
            ? date.ToString("dddd, d. MMMM", German)
            : date.ToString("dddd, d. MMMM yyyy", German),
    };

    /// <summary>"Montag, den 14. Dezember" (with the year when it is not this year), for
    /// questions that repeat what was understood.</summary>
    public static string DayWithWeekday(DateOnly date, DateOnly today) =>
        date.Year == today.Year ? date.ToString("dddd, 'den' d. MMMM", German) : date.ToString("dddd, 'den' d. MMMM yyyy", German);

    /// <summary>"24. Dezember" (with the year when it is not this year).</summary>
    public static string DayOfMonth(DateOnly date, DateOnly today) =>
        date.Year == today.Year ? date.ToString("d. MMMM", German) : date.ToString("d. MMMM yyyy", German);

    public static string DateAndTime(DateOnly date, TimeOnly time, DateOnly today)
    {
        var day = Date(date, today);
        return (date.DayNumber - today.DayNumber) is >= 0 and <= 2 ? $"{day} um {Time(time)}" : $"{day}, um {Time(time)}";
    }

    public static string DateAndTime(DateTime local, DateOnly today) =>
        DateAndTime(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), today);

    /// <summary>"A", "A oder B", "A, B oder C".</summary>
    public static string Either(IReadOnlyList<string> options) => options.Count switch
    {
        0 => "",
        1 => options[0],
        _ => string.Join(", ", options.Take(options.Count - 1)) + " oder " + options[^1],
    };
}
