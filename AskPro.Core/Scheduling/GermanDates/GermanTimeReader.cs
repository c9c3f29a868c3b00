using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

internal abstract record TimeReading
{
    public sealed record None : TimeReading;

    /// <summary>A clock time. <see cref="MaybeAfternoon"/>: an hour 0–7 said without a
    /// 24-hour form ("halb drei", "um 3", "halb eins"), which means the afternoon when the branch
    /// is open then. <see cref="Shortly"/>: "kurz nach" (+1) or "kurz vor" (−1) that time.</summary>
    public sealed record Point(TimeOnly Time, bool MaybeAfternoon, bool Approximate, int Shortly = 0, string? Period = null) : TimeReading;

    /// <summary>A span; <see cref="Period"/> spans ("vormittags", "ab 14 Uhr") are narrowed
    /// to the opening hours. <see cref="MaybeAfternoon"/>: "ab drei" may mean 15:00.</summary>
    public sealed record Span(TimeOnly From, TimeOnly To, string? Period, bool MaybeAfternoon = false) : TimeReading
    {
        public bool IsPeriod => Period is not null;
    }

    public sealed record Ask(string Text) : TimeReading;
}

/// <summary>The time part: "14:30", "14.30", "14 Uhr 30", "vierzehn Uhr", "elf Uhr dreißig",
/// "halb drei", "viertel nach zehn", "viertel vor elf", regional "viertel drei" (14:15) and
/// "dreiviertel drei" (14:45), "zwanzig nach drei", "fünf vor halb vier", "kurz nach zwei",
/// "so gegen 15 Uhr", "ab 14 Uhr", "zwischen 10 und 12", and the periods (<see cref="DayPeriods"/>).</summary>
internal static partial class GermanTimeReader
{
    private const string AskTime = "Zu welcher Uhrzeit möchten Sie kommen?";
    private const string BoundPeriod = "ab/bis";

    public static TimeReading Read(ref string text)
    {
        var period = DayPeriods.Take(ref text);

        if (Between().Match(text) is { Success: true } between)
        {
            var from = Clock(between.Groups[1].Value);
            var to = Clock(between.Groups[2].Value);
            if (from is not TimeReading.Point a || to is not TimeReading.Point b) return new TimeReading.Ask(AskTime);
            var (start, end) = (InPeriod(a, period).Time, InPeriod(b, period).Time);
            if (a.MaybeAfternoon && b.MaybeAfternoon && end <= start.AddHours(12) && start.Hour <= 7) (start, end) = (start.AddHours(12), end.AddHours(12));
            text = Cut(text, between);
            return end > start ? new TimeReading.Span(start, end, Period: null) : new TimeReading.Ask("Von wann bis wann passt es Ihnen?");
        }

        if (FromOrUntil().Match(text) is { Success: true } bound)
        {
            if (Clock(bound.Groups[2].Value) is not TimeReading.Point edge) return new TimeReading.Ask(AskTime);
            text = Cut(text, bound);
            var inPeriod = InPeriod(edge, period);
            return bound.Groups[1].Value == "ab"
                ? new TimeReading.Span(inPeriod.Time, new TimeOnly(23, 59), BoundPeriod, inPeriod.MaybeAfternoon)
                : new TimeReading.Span(new TimeOnly(0, 0), inPeriod.Time, BoundPeriod, inPeriod.MaybeAfternoon);
        }

        if (Shortly().Match(text) is { Success: true } shortly)
        {
            if (Clock(shortly.Groups[2].Value) is not TimeReading.Point near) return new TimeReading.Ask(AskTime);
            text = Cut(text, shortly);
            return InPeriod(near, period) with { Shortly = shortly.Groups[1].Value == "nach" ? 1 : -1, Approximate = true };
        }

        var approximate = false;
        if (Approximately().Match(text) is { Success: true } approx)
        {
            // "gegen fünf" reads like "um fünf": a bare number word is a time after it.
            approximate = true;
            text = (text[..approx.Index] + "um" + text[(approx.Index + approx.Length)..]).Replace("um um ", "um ", StringComparison.Ordinal);
        }

        var clockText = ClockCandidate().Match(text);
        if (clockText.Success)
        {
            var reading = Clock(clockText.Value);
            if (reading is not TimeReading.Point point) return new TimeReading.Ask(AskTime);
            text = Cut(text, clockText);
            return InPeriod(point, period) with { Approximate = approximate };
        }

        if (period is not null)
        {
            var (from, to) = DayPeriods.Range(period);
            return new TimeReading.Span(from, to, period);
        }
        // Half a time ("halb", "viertel nach") is a question, not a day without a time.
        return approximate || UnfinishedTime().IsMatch(text) ? new TimeReading.Ask(AskTime) : new TimeReading.None();
    }

    /// <summary>"nachmittags um 3" is 15:00, "vormittags um 10" stays 10:00.</summary>
    private static TimeReading.Point InPeriod(TimeReading.Point point, string? period)
    {
        if (period is null or DayPeriods.AnyTime) return point;
        point = point with { Period = period };
        if (DayPeriods.IsAfternoon(period) && point.Time.Hour is >= 1 and <= 11)
            return point with { Time = point.Time.AddHours(12), MaybeAfternoon = false };
        if (DayPeriods.IsMorning(period)) return point with { MaybeAfternoon = false };
        return point;
    }

    /// <summary>One clock expression, whole.</summary>
    private static TimeReading Clock(string expression)
    {
        var e = Filler().Replace(expression.Trim(), " ").Trim();
        e = e.Replace("drei viertel ", "dreiviertel ", StringComparison.Ordinal);
        Match m;
        if ((m = Digital().Match(e)).Success)
            return Point(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), maybeAfternoon: m.Groups[1].Value.Length == 1);
        if ((m = HourUhr().Match(e)).Success)
        {
            var hour = GermanNumbers.Cardinal(m.Groups[1].Value);
            var minute = m.Groups[2].Success ? GermanNumbers.Cardinal(m.Groups[2].Value) : 0;
            return hour is null || minute is null ? new TimeReading.Ask(AskTime) : Point(hour.Value, minute.Value, maybeAfternoon: m.Groups[1].Value is not ['0', _]);
        }
        if ((m = AroundHalf().Match(e)).Success)
        {
            // "fünf vor halb vier" = 15:25, "fünf nach halb vier" = 15:35.
            var minutes = GermanNumbers.Cardinal(m.Groups[1].Value);
            var next = GermanNumbers.Cardinal(m.Groups[3].Value);
            if (minutes is null or < 1 or > 14 || next is null or < 1 or > 24) return new TimeReading.Ask(AskTime);
            return Point(next.Value - 1, m.Groups[2].Value == "vor" ? 30 - minutes.Value : 30 + minutes.Value, maybeAfternoon: true);
        }
        if ((m = Half().Match(e)).Success)
            return GermanNumbers.Cardinal(m.Groups[1].Value) is { } next and >= 1 and <= 24 ? Point(next - 1, 30, maybeAfternoon: true) : new TimeReading.Ask(AskTime);
        if ((m = Quarter().Match(e)).Success)
        {
            if (GermanNumbers.Cardinal(m.Groups[2].Value) is not { } hour || hour is < 1 or > 24) return new TimeReading.Ask(AskTime);
            return m.Groups[1].Value switch
            {
                "viertel nach" or "viertel ueber" => Point(hour, 15, maybeAfternoon: true),
                "viertel" => Point(hour - 1, 15, maybeAfternoon: true),    // regional: a quarter of the way to three = 14:15
                _ => Point(hour - 1, 45, maybeAfternoon: true),            // "viertel vor", "dreiviertel"
            };
        }
        if ((m = MinutesPastOrTo().Match(e)).Success)
        {
            var minutes = GermanNumbers.Cardinal(m.Groups[1].Value);
            var hour = GermanNumbers.Cardinal(m.Groups[3].Value);
            if (minutes is null or < 1 or > 29 || hour is null) return new TimeReading.Ask(AskTime);
            return m.Groups[2].Value == "nach" ? Point(hour.Value, minutes.Value, true) : Point(hour.Value - 1, 60 - minutes.Value, true);
        }
        if ((m = Bare().Match(e)).Success && GermanNumbers.Cardinal(m.Groups[1].Value) is { } bare)
            return Point(bare, 0, maybeAfternoon: m.Groups[1].Value is not ['0', _]);
        return new TimeReading.Ask(AskTime);
    }

    private static TimeReading Point(int hour, int minute, bool maybeAfternoon)
    {
        if (hour == 24 && minute == 0) hour = 0;
        if (hour is < 0 or > 23 || minute is < 0 or > 59) return new TimeReading.Ask(AskTime);
        return new TimeReading.Point(new TimeOnly(hour, minute), maybeAfternoon && hour <= 7, Approximate: false);
    }

    private static string Cut(string text, Match match) => (text[..match.Index] + " " + text[(match.Index + match.Length)..]).Trim();

    private const string Word = @"(?>[a-z0-9]+)"; // atomic: a word is never re-split when a pattern fails
    private const string QuarterWords = @"(?:viertel\snach|viertel\sueber|viertel\svor|drei\s?viertel|viertel)";
    private const string ClockWords = @"(?:" + Word + @"\s(?:vor|nach)\shalb\s" + Word + @"|(?:halb|" + QuarterWords + @")\s" + Word + @"|" + Word + @"(?:[:.]\d{2})?(?:\suhr(?:\s\d{1,2}(?!\d))?)?)";

    [GeneratedRegex(@"\b(?:zwischen|von)\s(.+?)\s(?:und|bis)\s(.+?)(?:\suhr)?$")] private static partial Regex Between();
    [GeneratedRegex(@"\b(ab|bis)\s(?:um\s)?(" + ClockWords + @")")] private static partial Regex FromOrUntil();
    [GeneratedRegex(@"\bkurz\s(nach|vor)\s(?:um\s)?(" + ClockWords + @")")] private static partial Regex Shortly();
    [GeneratedRegex(@"\b(?:so\s)?(?:gegen|ca\.?|circa|etwa|ungefaehr)\b")] private static partial Regex Approximately();
    [GeneratedRegex(@"\b(?:(?:um|punkt)\s)?(?:\d{1,2}[:.]\d{2}(?:\suhr)?|" + Word + @"\s(?:nach|vor)\shalb\s" + Word + @"|(?:halb|" + QuarterWords + @")\s" + Word + @"|" + Word + @"\s(?:nach|vor)\s" + Word + @"|" + Word + @"\suhr(?:\s" + Word + @")?|\d{1,2}\b|(?<=\bum\s)" + Word + @")")] private static partial Regex ClockCandidate();
    [GeneratedRegex(@"\b(?:um|punkt)\b")] private static partial Regex Filler();
    [GeneratedRegex(@"\b(?:halb|viertel|dreiviertel|kurz|uhr)\b")] private static partial Regex UnfinishedTime();
    [GeneratedRegex(@"^(\d{1,2})[:.](\d{2})(?:\suhr)?$")] private static partial Regex Digital();
    [GeneratedRegex(@"^(" + Word + @")\suhr(?:\s(" + Word + @"))?$")] private static partial Regex HourUhr();
    [GeneratedRegex(@"^(" + Word + @")\s(vor|nach)\shalb\s(" + Word + @")$")] private static partial Regex AroundHalf();
    [GeneratedRegex(@"^halb\s(" + Word + @")$")] private static partial Regex Half();
    [GeneratedRegex(@"^(viertel nach|viertel ueber|viertel vor|dreiviertel|viertel)\s(" + Word + @")$")] private static partial Regex Quarter();
    [GeneratedRegex(@"^(" + Word + @")\s(nach|vor)\s(" + Word + @")$")] private static partial Regex MinutesPastOrTo();
    [GeneratedRegex(@"^(" + Word + @")$")] private static partial Regex Bare();
}
