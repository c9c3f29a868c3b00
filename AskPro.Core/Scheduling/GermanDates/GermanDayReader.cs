using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

internal abstract record DayReading
{
    public sealed record None : DayReading;
    public sealed record Found(DateOnly Date) : DayReading;
    public sealed record Range(DateOnly First, DateOnly Last) : DayReading;
    public sealed record Ask(string Text) : DayReading;
}

/// <summary>The day part: "heute", "übermorgen", "nächsten Dienstag", "Dienstag nächste Woche",
/// "diesen Freitag", "am 3.", "am zwölften", "24.11.", "24. November 2026", "2026-11-24",
/// "Heiligabend", "in drei Tagen", "Montag in zwei Wochen", "morgen in einer Woche", and spans
/// (<see cref="DayRanges"/>). Each recognised piece is removed from the text; disagreeing pieces
/// become one question that says what was understood.</summary>
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
        var dates = new List<DateOnly>(2);

        var range = DayRanges.Take(ref text, today);
        if (range is DayReading.Ask askRange) return askRange;

        // Names first: "am zweiten Weihnachtsfeiertag" is not "am zweiten".
        while (dates.Count < 2 && NamedDays.Take(ref text, today) is { } named)
        {
            if (named.Date.Year != today.Year && named.Date.Year != today.Year + 1)
                return new DayReading.Ask("Welches Datum meinen Sie? Termine gibt es für dieses und nächstes Jahr.");
            dates.Add(named.Date);
        }
        if (ExplicitDate(ref text, today) is { } explicitDate)
        {
            if (explicitDate is DayReading.Ask ask) return ask;
            dates.Add(((DayReading.Found)explicitDate).Date);
        }
        if (Take(ref text, Uebermorgen())) dates.Add(today.AddDays(2));
        if (Take(ref text, Morgen())) dates.Add(today.AddDays(1));
        if (Take(ref text, Heute())) dates.Add(today);

        var offset = Offset(ref text);
        if (offset is { Days: null }) return new DayReading.Ask("In wie vielen Tagen meinen Sie?");

        var weeksAhead = Take(ref text, WeekAfterNext()) ? 2 : Take(ref text, NextWeek()) ? 1 : Take(ref text, ThisWeek()) ? 0 : (int?)null;
        var weekdayMatch = TakeMatch(ref text, Weekday());

        if (dates.Distinct().Count() > 1)
            return new DayReading.Ask($"Meinen Sie {Spoken(dates[0])} oder {Spoken(dates[1])}?");
        DateOnly? date = dates.Count > 0 ? dates[0] : null;

        // "morgen in einer Woche", "heute in acht Tagen": a day counted from the day said.
        if (offset is { Days: { } days } && weekdayMatch is null)
            date = (date ?? today).AddDays(days);

        if (weekdayMatch is not null)
        {
            var weekday = (DayOfWeek)Array.IndexOf(Weekdays, weekdayMatch.Groups[2].Value == "sonnabend" ? "samstag" : weekdayMatch.Groups[2].Value);
            if (weekdayMatch.Groups[1].Value is ['l', ..] or ['v', ..])
                return new DayReading.Ask($"Der letzte {SpokenWeekdays[(int)weekday]} ist schon vorbei. Meinen Sie {GermanSpeech.DayWithWeekday(WeekdayAfter(today, weekday), today)}?");
            // A date said with its weekday ("Dienstag, den 24.11.") is checked, not moved.
            if (date is { } said) return said.DayOfWeek == weekday ? new DayReading.Found(said) : Contradiction(said, weekday, today);
            return WeekdayReading(weekday, weekdayMatch.Groups[1].Value, weeksAhead, offset, range as DayReading.Range, today);
        }

        if (range is DayReading.Range span)
        {
            if (date is null) return span;
            return date >= span.First && date <= span.Last ? new DayReading.Found(date.Value) : new DayReading.Ask($"Meinen Sie {GermanSpeech.DayWithWeekday(date.Value, today)}?");
        }
        if (date is { } single) return new DayReading.Found(single);
        if (weeksAhead is { } weeks)
        {
            var monday = DayRanges.Monday(today, weeks);
            return new DayReading.Range(monday < today ? today : monday, monday.AddDays(6));
        }
        return new DayReading.None();
    }

    /// <summary>A weekday, placed by what came with it: a week ("nächste Woche Dienstag",
    /// "Montag in zwei Wochen" = that weekday in the calendar week two weeks on), a span
    /// ("Dienstag Anfang nächster Woche"), a modifier ("diesen", "übernächsten") or nothing (its
    /// next occurrence after today).</summary>
    private static DayReading WeekdayReading(DayOfWeek weekday, string modifier, int? weeksAhead, (int? Days, bool Weeks)? offset, DayReading.Range? range, DateOnly today)
    {
        var offsetInWeek = ((int)weekday + 6) % 7;
        if (range is not null)
        {
            for (var d = range.First; d <= range.Last; d = d.AddDays(1))
                if (d.DayOfWeek == weekday) return new DayReading.Found(d);
            return new DayReading.Ask($"Welchen Tag meinen Sie genau? Der {SpokenWeekdays[(int)weekday]} liegt nicht in diesem Zeitraum.");
        }
        if (offset is { Days: { } days, Weeks: false })
        {
            var counted = today.AddDays(days);
            return counted.DayOfWeek == weekday ? new DayReading.Found(counted) : Contradiction(counted, weekday, today);
        }
        if (offset is { Days: { } weekDays, Weeks: true })
        {
            var inWeek = DayRanges.Monday(today, weekDays / 7).AddDays(offsetInWeek);
            // Said on a Sunday, "Montag in einer Woche" cannot mean tomorrow: offer the week after.
            return inWeek.DayNumber - today.DayNumber < weekDays - 3
                ? new DayReading.Ask($"Meinen Sie {GermanSpeech.DayWithWeekday(inWeek.AddDays(7), today)}?")
                : new DayReading.Found(inWeek);
        }
        if (weeksAhead is > 0) return new DayReading.Found(DayRanges.Monday(today, weeksAhead.Value).AddDays(offsetInWeek));
        if (weeksAhead == 0 || modifier.StartsWith("dies", StringComparison.Ordinal))
        {
            var date = DayRanges.Monday(today, 0).AddDays(offsetInWeek);
            return date >= today
                ? new DayReading.Found(date)
                : new DayReading.Ask($"Dieser {SpokenWeekdays[(int)weekday]} ist schon vorbei. Meinen Sie nächsten {SpokenWeekdays[(int)weekday]}, den {Spoken(date.AddDays(7))}?");
        }
        var next = WeekdayAfter(today, weekday);
        return new DayReading.Found(modifier.StartsWith("uebernaechst", StringComparison.Ordinal) ? next.AddDays(7) : next);
    }

    /// <summary>The weekday's next occurrence after today (said on a Monday, "Montag" is in a week).</summary>
    private static DateOnly WeekdayAfter(DateOnly today, DayOfWeek weekday)
    {
        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    /// <summary>"Der 25. November ist ein Mittwoch, kein Montag. Meinen Sie Mittwoch, den 25.
    /// November, oder Montag, den 23. November?" (the weekday's day in the same week, if not past).</summary>
    private static DayReading.Ask Contradiction(DateOnly date, DayOfWeek said, DateOnly today)
    {
        var sameWeek = DayRanges.Monday(date, 0).AddDays(((int)said + 6) % 7);
        var text = $"Der {Spoken(date)} ist ein {SpokenWeekdays[(int)date.DayOfWeek]}, kein {SpokenWeekdays[(int)said]}. Meinen Sie {GermanSpeech.DayWithWeekday(date, today)}";
        return new DayReading.Ask(sameWeek >= today ? $"{text}, oder {GermanSpeech.DayWithWeekday(sameWeek, today)}?" : text + "?");
    }

    /// <summary>"in drei Tagen", "in einer Woche", "in 14 Tagen"; "in acht Tagen" is the idiom for
    /// a week. Days null: a count that is not a number.</summary>
    private static (int? Days, bool Weeks)? Offset(ref string text)
    {
        if (TakeMatch(ref text, InDays()) is not { } m) return null;
        var count = GermanNumbers.Cardinal(m.Groups[1].Value);
        if (count is null or > 400) return (null, false);
        var weeks = m.Groups[2].Value.StartsWith('w');
        if (!weeks && count == 8) return (7, true);
        if (!weeks && count == 14) return (14, true);
        return (weeks ? count.Value * 7 : count.Value, weeks);
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
    [GeneratedRegex(@"\b((?>[a-z]+))\s(" + MonthNames + @")\b\.?(?:\s(\d{4})\b)?")] private static partial Regex OrdinalMonthName();
    [GeneratedRegex(@"\b(?:am|den|zum)\s(\d{1,2})\.(?![\d])")] private static partial Regex DayOfMonth();
    [GeneratedRegex(@"\b(?:am|den|zum|der)\s((?>[a-z]+))\b")] private static partial Regex SpokenDayOfMonth();
    [GeneratedRegex(@"\buebermorgen\b")] private static partial Regex Uebermorgen();
    [GeneratedRegex(@"\bmorgen\b")] private static partial Regex Morgen();
    [GeneratedRegex(@"\bheute\b")] private static partial Regex Heute();
    [GeneratedRegex(@"\bin\s((?>\S+))\s(tag|tagen|woche|wochen)\b")] private static partial Regex InDays();
    [GeneratedRegex(@"\b(?:in\s)?(?:der\s)?(?:naechste[nr]?|kommende[nr]?)\swoche\b")] private static partial Regex NextWeek();
    [GeneratedRegex(@"\b(?:in\s)?(?:der\s)?uebernaechste[nr]?\swoche\b")] private static partial Regex WeekAfterNext();
    [GeneratedRegex(@"\b(?:in\s)?diese[rn]?\swoche\b")] private static partial Regex ThisWeek();
    [GeneratedRegex(@"\b(?:(naechsten|naechster|naechste|naechstes|kommenden|kommender|kommende|diesen|dieser|diese|diesem|uebernaechsten|uebernaechster|uebernaechste|letzten|letzter|letzte|vergangenen|vergangener)\s)?(?:am\s)?(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)s?\b")] private static partial Regex Weekday();
}
