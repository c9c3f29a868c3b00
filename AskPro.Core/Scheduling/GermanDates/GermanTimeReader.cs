using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

internal abstract record TimeReading
{
    public sealed record None : TimeReading;

    /// <summary>A clock time. <see cref="MaybeAfternoon"/>: an hour 0–7 said without a
    /// 24-hour form ("halb drei", "um 3", "halb eins"), which means the afternoon when the branch
    /// is open then.</summary>
    public sealed record Point(TimeOnly Time, bool MaybeAfternoon, bool Approximate) : TimeReading;

    /// <summary>A span; <see cref="IsPeriod"/> spans ("vormittags", "ab 14 Uhr") are narrowed
    /// to the opening hours.</summary>
    public sealed record Span(TimeOnly From, TimeOnly To, bool IsPeriod) : TimeReading;

    public sealed record Ask(string Text) : TimeReading;
}

/// <summary>The time part: "14:30", "14.30", "14 Uhr 30", "vierzehn Uhr", "elf Uhr dreißig",
/// "halb drei", "viertel nach zehn", "viertel vor elf", "so gegen 15 Uhr", "ab 14 Uhr",
/// "zwischen 10 und 12", and the periods (one definition each, see <see cref="Periods"/>).</summary>
internal static partial class GermanTimeReader
{
    private const string AskTime = "Zu welcher Uhrzeit möchten Sie kommen?";

    /// <summary>The one definition of each period of the day.</summary>
    public static readonly IReadOnlyDictionary<string, (TimeOnly From, TimeOnly To)> Periods = new Dictionary<string, (TimeOnly, TimeOnly)>
    {
        ["frueh"] = (new(7, 0), new(10, 0)),
        ["vormittag"] = (new(9, 0), new(12, 0)),
        ["mittag"] = (new(11, 0), new(14, 0)),
        ["nachmittag"] = (new(13, 0), new(17, 0)),
        ["abend"] = (new(17, 0), new(20, 0)),
    };

    public static TimeReading Read(ref string text)
    {
        string? period = null;
        if (PeriodWord().Match(text) is { Success: true } p)
        {
            period = p.Groups[1].Value switch { "morgens" or "frueh" => "frueh", var w => w.TrimEnd('s') };
            text = Cut(text, p);
        }

        if (Between().Match(text) is { Success: true } between)
        {
            var from = Clock(between.Groups[1].Value);
            var to = Clock(between.Groups[2].Value);
            if (from is not TimeReading.Point a || to is not TimeReading.Point b) return new TimeReading.Ask(AskTime);
            var (start, end) = (InPeriod(a, period).Time, InPeriod(b, period).Time);
            if (a.MaybeAfternoon && b.MaybeAfternoon && end <= start.AddHours(12) && start.Hour <= 7) (start, end) = (start.AddHours(12), end.AddHours(12));
            text = Cut(text, between);
            return end > start ? new TimeReading.Span(start, end, IsPeriod: false) : new TimeReading.Ask("Von wann bis wann passt es Ihnen?");
        }

        if (FromOrUntil().Match(text) is { Success: true } bound)
        {
            if (Clock(bound.Groups[2].Value) is not TimeReading.Point edge) return new TimeReading.Ask(AskTime);
            text = Cut(text, bound);
            var time = InPeriod(edge, period).Time;
            return bound.Groups[1].Value == "ab"
                ? new TimeReading.Span(time, new TimeOnly(23, 59), IsPeriod: true)
                : new TimeReading.Span(new TimeOnly(0, 0), time, IsPeriod: true);
        }

        var approximate = false;
        if (Approximately().Match(text) is { Success: true } approx)
        {
            approximate = true;
            text = Cut(text, approx);
        }

        var clockText = ClockCandidate().Match(text);
        if (clockText.Success)
        {
            var reading = Clock(clockText.Value);
            if (reading is not TimeReading.Point point) return new TimeReading.Ask(AskTime);
            text = Cut(text, clockText);
            return InPeriod(point, period) with { Approximate = approximate };
        }

        if (period is not null) return new TimeReading.Span(Periods[period].From, Periods[period].To, IsPeriod: true);
        return approximate ? new TimeReading.Ask(AskTime) : new TimeReading.None();
    }

    /// <summary>"nachmittags um 3" is 15:00, "vormittags um 10" stays 10:00.</summary>
    private static TimeReading.Point InPeriod(TimeReading.Point point, string? period)
    {
        if (period is "nachmittag" or "abend" && point.Time.Hour is >= 1 and <= 11)
            return point with { Time = point.Time.AddHours(12), MaybeAfternoon = false };
        if (period is "frueh" or "vormittag") return point with { MaybeAfternoon = false };
        return point;
    }

    /// <summary>One clock expression, whole.</summary>
    private static TimeReading Clock(string expression)
    {
        var e = expression.Trim();
        e = Filler().Replace(e, " ").Trim();
        Match m;
        if ((m = Digital().Match(e)).Success)
            return Point(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), maybeAfternoon: m.Groups[1].Value.Length == 1);
        if ((m = HourUhr().Match(e)).Success)
        {
            var hour = GermanNumbers.Cardinal(m.Groups[1].Value);
            var minute = m.Groups[2].Success ? GermanNumbers.Cardinal(m.Groups[2].Value) : 0;
            return hour is null || minute is null ? new TimeReading.Ask(AskTime) : Point(hour.Value, minute.Value, maybeAfternoon: m.Groups[1].Value is not ['0', _]);
        }
        if ((m = Half().Match(e)).Success)
            return GermanNumbers.Cardinal(m.Groups[1].Value) is { } next and >= 1 and <= 24 ? Point(next - 1, 30, maybeAfternoon: true) : new TimeReading.Ask(AskTime);
        if ((m = Quarter().Match(e)).Success)
        {
            if (GermanNumbers.Cardinal(m.Groups[2].Value) is not { } hour || hour is < 0 or > 24) return new TimeReading.Ask(AskTime);
            return m.Groups[1].Value switch
            {
                "viertel nach" => Point(hour, 15, maybeAfternoon: true),
                _ => Point(hour - 1, 45, maybeAfternoon: true), // "viertel vor", "dreiviertel"
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

    private const string Word = @"[a-z0-9]+";

    [GeneratedRegex(@"\b(?:am\s|in\sder\s|gegen\s)?(frueh|morgens|vormittags?|nachmittags?|mittags?|abends?)\b")] private static partial Regex PeriodWord();
    [GeneratedRegex(@"\b(?:zwischen|von)\s(.+?)\s(?:und|bis)\s(.+?)(?:\suhr)?$")] private static partial Regex Between();
    [GeneratedRegex(@"\b(ab|bis)\s((?:" + Word + @")(?:[:.]\d{2})?(?:\suhr)?(?:\s\d{1,2}(?!\d))?)")] private static partial Regex FromOrUntil();
    [GeneratedRegex(@"\b(?:so\s)?(?:gegen|ca\.?|circa|etwa|ungefaehr)\b")] private static partial Regex Approximately();
    [GeneratedRegex(@"(?:\b(?:um|punkt)\s)?(?:\d{1,2}[:.]\d{2}(?:\suhr)?|(?:halb|viertel\snach|viertel\svor|dreiviertel)\s" + Word + @"|" + Word + @"\s(?:nach|vor)\s" + Word + @"|" + Word + @"\suhr(?:\s" + Word + @")?|\d{1,2}\b|(?<=\bum\s)" + Word + @")")] private static partial Regex ClockCandidate();
    [GeneratedRegex(@"\b(?:um|punkt)\b")] private static partial Regex Filler();
    [GeneratedRegex(@"^(\d{1,2})[:.](\d{2})(?:\suhr)?$")] private static partial Regex Digital();
    [GeneratedRegex(@"^(" + Word + @")\suhr(?:\s(" + Word + @"))?$")] private static partial Regex HourUhr();
    [GeneratedRegex(@"^halb\s(" + Word + @")$")] private static partial Regex Half();
    [GeneratedRegex(@"^(viertel nach|viertel vor|dreiviertel)\s(" + Word + @")$")] private static partial Regex Quarter();
    [GeneratedRegex(@"^(" + Word + @")\s(nach|vor)\s(" + Word + @")$")] private static partial Regex MinutesPastOrTo();
    [GeneratedRegex(@"^(" + Word + @")$")] private static partial Regex Bare();
}
