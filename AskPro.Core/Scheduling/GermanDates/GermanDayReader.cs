using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

internal abstract record DayReading
{
    public sealed record None : DayReading;
    public sealed record Found(DateOnly Date) : DayReading;
    public sealed record Ask(string Text) : DayReading;
}

/// <summary>The day part: "heute", "übermorgen", "nächsten Dienstag", "Dienstag nächste Woche",
/// "diesen Freitag", "am 3.", "24.11.", "24. November 2026", "2026-11-24", "in zwei Wochen".
/// Each recognised piece is removed from the text; disagreeing pieces become a question.</summary>
internal static partial class GermanDayReader
{
    private static readonly string[] Weekdays = ["sonntag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag"];
    private static readonly string[] SpokenWeekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];

    private static readonly Dictionary<string, int> Months = new()
    {
        ["januar"] = 1, ["jaenner"] = 1, ["jan"] = 1, ["februar"] = 2, ["feber"] = 2, ["feb"] = 2, ["maerz"] = 3, ["mrz"] = 3,
        ["april"] = 4, ["apr"] = 4, ["mai"] = 5, ["juni"] = 6, ["jun"] = 6, ["juli"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["oktober"] = 10, ["okt"] = 10, ["november"] = 11, ["nov"] = 11,
        ["dezember"] = 12, ["dez"] = 12,
    };

    public static DayReading Read(ref string text, DateContext context)
    {
        var today = context.Today;
        var dates = new List<(DateOnly Date, string Said)>();

        if (ExplicitDate(ref text, today) is { } explicitDate)
        {
            if (explicitDate is DayReading.Ask ask) return ask;
            dates.Add((((DayReading.Found)explicitDate).Date, "das Datum"));
        }

        if (Take(ref text, Uebermorgen())) dates.Add((today.AddDays(2), "übermorgen"));
        if (Take(ref text, Morgen())) dates.Add((today.AddDays(1), "morgen"));
        if (Take(ref text, Heute())) dates.Add((today, "heute"));
        if (TakeMatch(ref text, InDays()) is { } inDays)
        {
            var count = GermanNumbers.Cardinal(inDays.Groups[1].Value);
            if (count is null or > 400) return new DayReading.Ask("In wie vielen Tagen meinen Sie?");
            dates.Add((today.AddDays(inDays.Groups[2].Value.StartsWith('w') ? count.Value * 7 : count.Value), "in " + inDays.Groups[1].Value));
        }

        var nextWeek = Take(ref text, NextWeek());
        var thisWeek = Take(ref text, ThisWeek());
        if (TakeMatch(ref text, Weekday()) is { } weekdayMatch)
        {
            var weekday = (DayOfWeek)Array.IndexOf(Weekdays, weekdayMatch.Groups[2].Value == "sonnabend" ? "samstag" : weekdayMatch.Groups[2].Value);
            var modifier = weekdayMatch.Groups[1].Value;
            var (date, problem) = WeekdayDate(weekday, modifier, nextWeek, thisWeek, today);
            if (problem is not null) return new DayReading.Ask(problem);

            foreach (var (other, said) in dates)
                if (other.DayOfWeek != weekday)
                    return new DayReading.Ask($"Der {Spoken(other)} ist ein {SpokenWeekdays[(int)other.DayOfWeek]}, kein {SpokenWeekdays[(int)weekday]}. Welchen Tag meinen Sie?");
            if (dates.Count == 0) dates.Add((date, SpokenWeekdays[(int)weekday]));
        }
        else if (nextWeek) return new DayReading.Ask("An welchem Tag nächste Woche?");

        if (dates.Select(d => d.Date).Distinct().Count() > 1)
            return new DayReading.Ask($"Meinen Sie {Spoken(dates[0].Date)} oder {Spoken(dates[1].Date)}?");
        return dates.Count == 0 ? new DayReading.None() : new DayReading.Found(dates[0].Date);
    }

    private static (DateOnly Date, string? Problem) WeekdayDate(DayOfWeek weekday, string modifier, bool nextWeek, bool thisWeek, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var offsetInWeek = ((int)weekday + 6) % 7;
        if (nextWeek) return (monday.AddDays(7 + offsetInWeek), null);
        if (thisWeek || modifier.StartsWith("dies", StringComparison.Ordinal))
        {
            var date = monday.AddDays(offsetInWeek);
            return date >= today ? (date, null) : (date, $"Dieser {SpokenWeekdays[(int)weekday]} ist schon vorbei. Meinen Sie nächsten {SpokenWeekdays[(int)weekday]}?");
        }
        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        if (ahead == 0) ahead = 7; // said on a Monday, "Montag" is in a week
        if (modifier.StartsWith("uebernaechst", StringComparison.Ordinal)) ahead += 7;
        return (today.AddDays(ahead), null);
    }

    private static DayReading? ExplicitDate(ref string text, DateOnly today)
    {
        if (TakeMatch(ref text, Iso()) is { } iso)
            return Calendar(int.Parse(iso.Groups[1].Value), int.Parse(iso.Groups[2].Value), int.Parse(iso.Groups[3].Value), today);
        if (TakeMatch(ref text, Numeric()) is { } numeric)
            return Calendar(Year(numeric.Groups[3].Value + numeric.Groups[4].Value), int.Parse(numeric.Groups[2].Value), int.Parse(numeric.Groups[1].Value), today);
        if (TakeMatch(ref text, DayMonthName()) is { } named)
            return Calendar(Year(named.Groups[3].Value), Months[named.Groups[2].Value], int.Parse(named.Groups[1].Value), today);
        if (TakeMatch(ref text, OrdinalMonthName(), m => GermanNumbers.Ordinal(m.Groups[1].Value) is not null) is { } spoken)
            return Calendar(Year(spoken.Groups[3].Value), Months[spoken.Groups[2].Value], GermanNumbers.Ordinal(spoken.Groups[1].Value)!.Value, today);
        if (TakeMatch(ref text, DayOfMonth()) is { } dayOnly)
            return DayOfMonthFrom(int.Parse(dayOnly.Groups[1].Value), today);
        if (TakeMatch(ref text, SpokenDayOfMonth(), m => GermanNumbers.Ordinal(m.Groups[1].Value) is not null) is { } spokenDay)
            return DayOfMonthFrom(GermanNumbers.Ordinal(spokenDay.Groups[1].Value)!.Value, today);
        return null;
    }

    /// <summary>A calendar date; without a year the next such date from today. Only this and
    /// next year are accepted: an invented year is asked about, not booked.</summary>
    private static DayReading Calendar(int? year, int month, int day, DateOnly today)
    {
        if (year is { } y && y != today.Year && y != today.Year + 1)
            return new DayReading.Ask("Welches Datum meinen Sie? Termine gibt es für dieses und nächstes Jahr.");
        if (month is < 1 or > 12 || day is < 1 or > 31)
            return new DayReading.Ask("Dieses Datum gibt es nicht. Welches Datum meinen Sie?");

        if (year is { } explicitYear)
            return IsValid(explicitYear, month, day) ? new DayReading.Found(new DateOnly(explicitYear, month, day)) : new DayReading.Ask("Dieses Datum gibt es nicht. Welches Datum meinen Sie?");
        // A date that passed only days ago was most likely meant, not next year's: ask.
        if (IsValid(today.Year, month, day) && new DateOnly(today.Year, month, day) is var thisYear && thisYear < today && today.DayNumber - thisYear.DayNumber <= 30)
            return new DayReading.Ask($"Der {Spoken(thisYear)} ist schon vorbei. Meinen Sie den {Spoken(thisYear)} {today.Year + 1}?");
        for (var candidate = today.Year; candidate <= today.Year + 4; candidate++)
            if (IsValid(candidate, month, day) && new DateOnly(candidate, month, day) >= today)
                return new DayReading.Found(new DateOnly(candidate, month, day));
        return new DayReading.Ask("Dieses Datum gibt es nicht. Welches Datum meinen Sie?");
    }

    private static DayReading DayOfMonthFrom(int day, DateOnly today)
    {
        if (day is < 1 or > 31) return new DayReading.Ask("Dieses Datum gibt es nicht. Welches Datum meinen Sie?");
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 0; i < 3; i++, month = month.AddMonths(1))
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) >= today)
                return new DayReading.Found(new DateOnly(month.Year, month.Month, day));
        return new DayReading.Ask("Welches Datum meinen Sie?");
    }

    private static bool IsValid(int year, int month, int day) => year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month);

    private static int? Year(string digits) => digits.Length switch
    {
        0 => null,
        2 => 2000 + int.Parse(digits),
        _ => int.Parse(digits),
    };

    private static string Spoken(DateOnly date) => date.ToString("d. MMMM", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));

    private static bool Take(ref string text, Regex pattern) => TakeMatch(ref text, pattern) is not null;

    private static Match? TakeMatch(ref string text, Regex pattern, Func<Match, bool>? accept = null)
    {
        foreach (Match match in pattern.Matches(text))
        {
            if (accept is not null && !accept(match)) continue;
            text = (text[..match.Index] + " " + text[(match.Index + match.Length)..]).Trim();
            return match;
        }
        return null;
    }

    private const string MonthNames = "januar|jaenner|jan|februar|feber|feb|maerz|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez";

    [GeneratedRegex(@"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")] private static partial Regex Iso();
    [GeneratedRegex(@"(?<![\d.:])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4})|(\d{2}))?(?![\d.:])")] private static partial Regex Numeric();
    [GeneratedRegex(@"(?<![\d.:])(\d{1,2})\.?\s?(" + MonthNames + @")\b\.?(?:\s(\d{4})\b)?")] private static partial Regex DayMonthName();
    [GeneratedRegex(@"\b([a-z]+)\s(" + MonthNames + @")\b\.?(?:\s(\d{4})\b)?")] private static partial Regex OrdinalMonthName();
    [GeneratedRegex(@"\b(?:am|den|zum)\s(\d{1,2})\.(?![\d])")] private static partial Regex DayOfMonth();
    [GeneratedRegex(@"\b(?:am|den|zum)\s([a-z]+)\b")] private static partial Regex SpokenDayOfMonth();
    [GeneratedRegex(@"\buebermorgen\b")] private static partial Regex Uebermorgen();
    [GeneratedRegex(@"\bmorgen\b")] private static partial Regex Morgen();
    [GeneratedRegex(@"\bheute\b")] private static partial Regex Heute();
    [GeneratedRegex(@"\bin\s(\S+)\s(tag|tagen|woche|wochen)\b")] private static partial Regex InDays();
    [GeneratedRegex(@"\b(?:in\s)?(?:der\s)?(?:naechste|naechsten|kommende|kommenden)\swoche\b")] private static partial Regex NextWeek();
    [GeneratedRegex(@"\b(?:in\s)?diese[rn]?\swoche\b")] private static partial Regex ThisWeek();
    [GeneratedRegex(@"\b(?:(naechsten|naechster|naechste|naechstes|kommenden|kommender|kommende|diesen|dieser|diese|diesem|uebernaechsten|uebernaechster|uebernaechste)\s)?(?:am\s)?(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s?\b")] private static partial Regex Weekday();
}
