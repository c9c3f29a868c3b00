using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

/// <summary>Spans of days as callers say them: "Anfang / Mitte / Ende (nächster) Woche", "am
/// (nächsten) Wochenende", "Anfang / Mitte / Ende des (nächsten) Monats", "Ende Dezember", "im
/// Januar", "nächsten Monat", "zwischen den Jahren". One definition of each part, here:
/// a week's Anfang is Monday–Tuesday, Mitte Tuesday–Thursday, Ende Thursday–Saturday; a month's
/// Anfang is the 1st–10th, Mitte the 11th–20th, Ende the 21st to its last day. A span that has
/// begun starts today; one that is over is asked about.</summary>
internal static partial class DayRanges
{
    private static readonly Dictionary<string, int> MonthNumbers = new()
    {
        ["januar"] = 1, ["jaenner"] = 1, ["februar"] = 2, ["feber"] = 2, ["maerz"] = 3, ["april"] = 4, ["mai"] = 5, ["juni"] = 6,
        ["juli"] = 7, ["august"] = 8, ["september"] = 9, ["oktober"] = 10, ["november"] = 11, ["dezember"] = 12,
    };

    public static DayReading? Take(ref string text, DateOnly today)
    {
        Match m;
        if ((m = WeekPart().Match(text)).Success) return Cut(ref text, m, WeekPartRange(m, today));
        if ((m = Weekend().Match(text)).Success) return Cut(ref text, m, WeekendRange(m.Groups[1].Value, today));
        if ((m = MonthPart().Match(text)).Success)
            return Cut(ref text, m, MonthPartRange(m.Groups[1].Value, Month(today, m.Groups[2].Success ? 1 : 0), today, "des Monats"));
        if ((m = MonthWordPart().Match(text)).Success)
            return Cut(ref text, m, MonthPartRange(m.Groups[1].Value, Month(today, 0), today, "des Monats"));
        if ((m = NamedMonthPart().Match(text)).Success)
            return Cut(ref text, m, NamedMonth(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, today));
        if ((m = WholeMonth().Match(text)).Success)
            return Cut(ref text, m, Clip(Month(today, m.Groups[1].Value.StartsWith("dies", StringComparison.Ordinal) ? 0 : 1), today, "Dieser Monat"));
        if ((m = BetweenTheYears().Match(text)).Success)
        {
            var year = today > new DateOnly(today.Year, 12, 30) ? today.Year + 1 : today.Year;
            return Cut(ref text, m, Clip((new DateOnly(year, 12, 27), new DateOnly(year, 12, 30)), today, "Zwischen den Jahren"));
        }
        return null;
    }

    /// <summary>Monday of the calendar week <paramref name="weeksAhead"/> weeks from today's.</summary>
    public static DateOnly Monday(DateOnly today, int weeksAhead) => today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 7 * weeksAhead);

    private static DayReading WeekPartRange(Match m, DateOnly today)
    {
        var weeks = WeeksAhead(m.Groups[2].Value);
        var monday = Monday(today, weeks);
        var (first, last) = m.Groups[1].Value switch
        {
            "anfang" => (monday, monday.AddDays(1)),
            "mitte" => (monday.AddDays(1), monday.AddDays(3)),
            _ => (monday.AddDays(3), monday.AddDays(5)),
        };
        if (last < today)
            return new DayReading.Ask($"{Capital(m.Groups[1].Value)} dieser Woche ist schon vorbei. Meinen Sie {Capital(m.Groups[1].Value)} nächster Woche?");
        return new DayReading.Range(first < today ? today : first, last);
    }

    private static DayReading WeekendRange(string modifier, DateOnly today)
    {
        var saturdayThisWeek = Monday(today, 0).AddDays(5);
        var isWeekend = today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (modifier.StartsWith("uebernaechst", StringComparison.Ordinal))
            return new DayReading.Range(saturdayThisWeek.AddDays(isWeekend ? 14 : 7), saturdayThisWeek.AddDays(isWeekend ? 15 : 8));
        if (modifier.StartsWith("naechst", StringComparison.Ordinal))
        {
            // On a weekday "nächstes Wochenende" means the coming one for some and the one after
            // for others: ask rather than guess. On a weekend it can only be the following one.
            if (!isWeekend)
                return new DayReading.Ask($"Meinen Sie das Wochenende am {Spoken(saturdayThisWeek, today)} oder das am {Spoken(saturdayThisWeek.AddDays(7), today)}?");
            return new DayReading.Range(saturdayThisWeek.AddDays(7), saturdayThisWeek.AddDays(8));
        }
        // "am Wochenende", "dieses / kommendes Wochenende": the weekend of this week (today on it).
        return new DayReading.Range(saturdayThisWeek < today ? today : saturdayThisWeek, saturdayThisWeek.AddDays(1));
    }

    private static DayReading MonthPartRange(string part, (DateOnly First, DateOnly Last) month, DateOnly today, string what)
    {
        var (first, last) = part switch
        {
            "anfang" => (month.First, month.First.AddDays(9)),
            "mitte" => (month.First.AddDays(10), month.First.AddDays(19)),
            _ => (month.First.AddDays(20), month.Last),
        };
        if (last < today)
            return new DayReading.Ask($"{Capital(part)} {what} ist schon vorbei. Meinen Sie {Capital(part)} {GermanSpeechMonth(month.First.AddMonths(1), today)}?");
        return new DayReading.Range(first < today ? today : first, last);
    }

    private static DayReading NamedMonth(string part, string monthName, string yearText, DateOnly today)
    {
        var number = MonthNumbers[monthName];
        int year;
        if (yearText.Length == 4)
        {
            year = int.Parse(yearText, System.Globalization.CultureInfo.InvariantCulture);
            if (year != today.Year && year != today.Year + 1)
                return new DayReading.Ask("Welches Datum meinen Sie? Termine gibt es für dieses und nächstes Jahr.");
        }
        else year = number >= today.Month ? today.Year : today.Year + 1;
        var first = new DateOnly(year, number, 1);
        var month = (first, first.AddMonths(1).AddDays(-1));
        if (part.Length == 0) return Clip(month, today, Capital(monthName));
        return MonthPartRange(part, month, today, GermanSpeechMonth(first, today));
    }

    private static DayReading Clip((DateOnly First, DateOnly Last) range, DateOnly today, string what) =>
        range.Last < today
            ? new DayReading.Ask($"{what} ist schon vorbei. Welchen Tag meinen Sie?")
            : new DayReading.Range(range.First < today ? today : range.First, range.Last);

    private static (DateOnly First, DateOnly Last) Month(DateOnly today, int monthsAhead)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(monthsAhead);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    private static int WeeksAhead(string modifier) =>
        modifier.StartsWith("uebernaechst", StringComparison.Ordinal) ? 2 : modifier.Length > 0 ? 1 : 0;

    private static DayReading Cut(ref string text, Match m, DayReading reading)
    {
        text = (text[..m.Index] + " " + text[(m.Index + m.Length)..]).Trim();
        return reading;
    }

    private static string Spoken(DateOnly date, DateOnly today) => GermanSpeech.DayOfMonth(date, today);

    private static string GermanSpeechMonth(DateOnly first, DateOnly today) =>
        first.ToString(first.Year == today.Year ? "MMMM" : "MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private const string Next = @"naechste[nrs]?|kommende[nrs]?|uebernaechste[nrs]?";
    private const string Months = "januar|jaenner|februar|feber|maerz|april|mai|juni|juli|august|september|oktober|november|dezember";

    [GeneratedRegex(@"\b(anfang|mitte|ende)\s(?:der\s|dieser\s|diese\s)?(?:(" + Next + @")\s)?woche\b")] private static partial Regex WeekPart();
    [GeneratedRegex(@"\b(?:am\s|an\sdem\s|uebers\s|ueber\sdas\s|das\s|zum\s)?(?:(diese[ms]?|" + Next + @")\s)?wochenende\b")] private static partial Regex Weekend();
    [GeneratedRegex(@"\b(anfang|mitte|ende)\s(?:des\s|diese[ns]\s)?(" + Next + @")?\s?monats?\b")] private static partial Regex MonthPart();
    [GeneratedRegex(@"\b(?:zum\s|am\s)?monats(anfang|mitte|ende)\b")] private static partial Regex MonthWordPart();
    [GeneratedRegex(@"\b(?:(anfang|mitte|ende)\s|im\s)(" + Months + @")\b(?:\s(\d{4})\b)?")] private static partial Regex NamedMonthPart();
    [GeneratedRegex(@"\b(?:im\s)?(naechste[nr]?|kommende[nr]?|diese[mn]?)\smonat\b")] private static partial Regex WholeMonth();
    [GeneratedRegex(@"\bzwischen\sden\sjahren\b")] private static partial Regex BetweenTheYears();
}
