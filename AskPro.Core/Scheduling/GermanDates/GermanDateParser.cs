using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AskPro.Core.Scheduling.GermanDates;

/// <summary>Reads a date and time as a caller says them in German ("morgen um halb drei",
/// "nächsten Dienstag 14 Uhr", "Freitag vormittag", "24.11.", "so gegen 15 Uhr") in the branch's
/// wall clock. Anything past, contradictory or unreadable becomes a question, never a guess.</summary>
public static partial class GermanDateParser
{
    public const int MaxLength = 160;

    /// <summary>Days offered for "so früh wie möglich" or "egal wann" when no day was said.</summary>
    public const int AnyDaySpan = 14;

    public static DateWish Parse(string? date, string? time, DateContext context)
    {
        var text = Normalize($"{date} {time}");
        if (text.Length == 0) return new DateWish.Question("Für welchen Tag möchten Sie den Termin?");
        if (text.Length > MaxLength || !AllowedText().IsMatch(text)) return new DateWish.Question("Welches Datum meinen Sie?");

        var day = GermanDayReader.Read(ref text, context);
        if (day is DayReading.Ask ask) return new DateWish.Question(ask.Text);
        var clock = GermanTimeReader.Read(ref text);
        if (clock is TimeReading.Ask askTime) return new DateWish.Question(askTime.Text);

        if (day is DayReading.Range range) return ResolveDays(range.First, range.Last, clock, context);
        var date1 = (day as DayReading.Found)?.Date;
        if (date1 is null)
        {
            if (clock is TimeReading.None)
                return new DateWish.Question(HasDigitsOrWords(text) ? "Welches Datum meinen Sie?" : "Für welchen Tag möchten Sie den Termin?");
            if (clock is TimeReading.Span { Period: DayPeriods.AnyTime })
                return ResolveDays(context.Today, context.Today.AddDays(AnyDaySpan - 1), new TimeReading.None(), context);
            // Words we did not understand may have named the day ("am Brückentag um 10"): ask for
            // the day instead of silently taking today.
            if (UnknownWords(text))
                return new DateWish.Question(clock is TimeReading.Point p
                    ? $"An welchem Tag möchten Sie um {GermanSpeech.Time(Afternoon(p, context.Today, context))} kommen?"
                    : "An welchem Tag möchten Sie kommen?");
        }
        return Resolve(date1, clock, context);
    }

    private static DateWish Resolve(DateOnly? date, TimeReading clock, DateContext context)
    {
        var today = context.Today;
        var now = TimeOnly.FromDateTime(context.NowLocal);

        if (date is { } d && d < today)
            return new DateWish.Question($"Der {GermanSpeech.DayOfMonth(d, today)} ist schon vorbei. Welches Datum meinen Sie?");

        switch (clock)
        {
            case TimeReading.None:
            case TimeReading.Span { Period: DayPeriods.AnyTime } when date is not null:
                return new DateWish.Day(date!.Value);

            case TimeReading.Point { Shortly: not 0 } near:
            {
                var day = date ?? today;
                var time = Afternoon(near, day, context);
                var (from, to) = near.Shortly > 0 ? (time.AddMinutes(1), time.AddMinutes(20)) : (time.AddMinutes(-20), time);
                if (day == today && to <= now)
                    return new DateWish.Question(date is null
                        ? $"{Capital(GermanSpeech.Time(time))} ist heute schon vorbei. Meinen Sie morgen um {GermanSpeech.Time(Afternoon(near, today.AddDays(1), context))}?"
                        : $"{GermanSpeech.Time(time)} ist heute schon vorbei. Welche Uhrzeit passt Ihnen?");
                return new DateWish.Within(day, day == today && from < now ? now : from, to);
            }

            case TimeReading.Point point:
            {
                if (date is null)
                {
                    // A time alone: today if it is still ahead, otherwise ask about tomorrow (never guess).
                    var todayTime = Afternoon(point, today, context);
                    if (todayTime > now) return new DateWish.At(today, todayTime, point.Approximate) { Period = PeriodOf(point) };
                    return new DateWish.Question($"{GermanSpeech.Time(todayTime)} ist heute schon vorbei. Meinen Sie {NextOpenDay(point, context)}?");
                }
                var time = Afternoon(point, date.Value, context);
                if (date == today && time <= now)
                    return new DateWish.Question($"{GermanSpeech.Time(time)} ist heute schon vorbei. Welche Uhrzeit passt Ihnen?");
                return new DateWish.At(date.Value, time, point.Approximate) { Period = PeriodOf(point) };
            }

            case TimeReading.Span span:
            {
                var day = date ?? today;
                var (from, to) = AfternoonSpan(span, day, context);
                if (span.IsPeriod) (from, to) = Clip(from, to, day, context);
                if (day == today && to <= now)
                    return new DateWish.Question(date is null
                        ? "Das ist heute schon vorbei. Meinen Sie morgen?"
                        : "Dieser Zeitraum ist heute schon vorbei. Welche Uhrzeit passt Ihnen?");
                if (day == today && from < now) from = now;
                return new DateWish.Within(day, from, to);
            }

            default:
                return new DateWish.Question("Zu welcher Uhrzeit möchten Sie kommen?");
        }
    }

    /// <summary>A span of days with a time of day on each. Today drops out when that time is
    /// over; a span of one day is answered like that day.</summary>
    private static DateWish ResolveDays(DateOnly first, DateOnly last, TimeReading clock, DateContext context)
    {
        if (first == last) return Resolve(first, clock, context);
        var (from, to) = clock switch
        {
            TimeReading.Point { Shortly: > 0 } p => (Afternoon(p, first, context).AddMinutes(1), Afternoon(p, first, context).AddMinutes(20)),
            TimeReading.Point { Shortly: < 0 } p => (Afternoon(p, first, context).AddMinutes(-20), Afternoon(p, first, context)),
            TimeReading.Point p => (Afternoon(p, first, context), Afternoon(p, first, context).AddMinutes(1)),
            TimeReading.Span span => AfternoonSpan(span, first, context),
            _ => (TimeOnly.MinValue, TimeOnly.MaxValue),
        };
        if (first == context.Today && to <= TimeOnly.FromDateTime(context.NowLocal)) first = first.AddDays(1);
        if (first == last) return Resolve(first, clock, context);
        return new DateWish.Days(first, last, from, to);
    }

    private static (TimeOnly, TimeOnly)? PeriodOf(TimeReading.Point point) => point.Period is { } key ? DayPeriods.Range(key) : null;

    /// <summary>"ab drei" is "ab 15 Uhr" when the branch is closed at three in the night.</summary>
    private static (TimeOnly From, TimeOnly To) AfternoonSpan(TimeReading.Span span, DateOnly date, DateContext context)
    {
        if (!span.MaybeAfternoon) return (span.From, span.To);
        if (span.To == new TimeOnly(23, 59))
            return !context.IsOpen(date, span.From) && context.IsOpen(date, span.From.AddHours(12)) ? (span.From.AddHours(12), span.To) : (span.From, span.To);
        var opensBefore = context.OpeningHours(date).Any(h => h.Opens < span.To);
        return opensBefore ? (span.From, span.To) : (span.From, span.To.AddHours(12));
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Words left over that are not the small words around a date ("am", "bitte").</summary>
    private static bool UnknownWords(string rest)
    {
        foreach (var word in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (word.Any(char.IsAsciiLetter) && !Fillers.Contains(word.Trim('.', ':', '-', '/'))) return true;
        return false;
    }

    private static readonly HashSet<string> Fillers =
    [
        "am", "an", "um", "den", "der", "die", "das", "dem", "im", "in", "zu", "zum", "uhr", "bitte", "gern", "gerne", "so", "also", "ja",
        "ok", "okay", "dann", "vielleicht", "wenn", "moeglich", "es", "geht", "ginge", "passt", "mir", "ich", "haette", "termin", "einen",
        "gleich", "lieber", "eher", "ganz", "genau", "noch", "schon", "auch", "und", "oder", "aber", "wieder", "nur", "mal", "einmal",
    ];

    /// <summary>"halb drei" or "um 3" means 14:30 / 15:00 when the branch is closed at the early
    /// hour and open at the afternoon one.</summary>
    private static TimeOnly Afternoon(TimeReading.Point point, DateOnly date, DateContext context)
    {
        var time = point.Time;
        if (!point.MaybeAfternoon || time.Hour > 7) return time;
        var later = time.AddHours(12);
        if (context.IsOpen(date, time)) return time;
        // Open at neither: nobody books at two in the night; seven may be the morning.
        return context.IsOpen(date, later) || time.Hour < 7 ? later : time;
    }

    /// <summary>"morgen um 15 Uhr", or the next day within a week the branch is open at that time
    /// ("Montag, den 30. November, um 15 Uhr").</summary>
    private static string NextOpenDay(TimeReading.Point point, DateContext context)
    {
        for (var d = context.Today.AddDays(1); d <= context.Today.AddDays(7); d = d.AddDays(1))
        {
            var time = Afternoon(point, d, context);
            if (!context.IsOpen(d, time)) continue;
            return d == context.Today.AddDays(1) ? $"morgen um {GermanSpeech.Time(time)}" : $"{GermanSpeech.DayWithWeekday(d, context.Today)}, um {GermanSpeech.Time(time)}";
        }
        return $"morgen um {GermanSpeech.Time(Afternoon(point, context.Today.AddDays(1), context))}";
    }

    /// <summary>A period ("vormittags") narrowed to the branch's hours that day; unchanged when
    /// the branch is closed then, so availability can say so.</summary>
    private static (TimeOnly, TimeOnly) Clip(TimeOnly from, TimeOnly to, DateOnly date, DateContext context)
    {
        var hours = context.OpeningHours(date);
        var overlapping = hours.Where(h => h.Opens < to && from < h.Closes).ToList();
        if (overlapping.Count == 0) return (from, to);
        var start = overlapping.Min(h => h.Opens);
        var end = overlapping.Max(h => h.Closes);
        return (start > from ? start : from, end < to ? end : to);
    }

    /// <summary>Lower case, umlauts as ae/oe/ue, ß as ss, punctuation other than . : - / as spaces.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case ',' or ';' or '!' or '?' or '"' or '\'' or '(' or ')': builder.Append(' '); break;
                default: builder.Append(char.IsWhiteSpace(c) ? ' ' : c); break;
            }
            if (builder.Length > MaxLength * 2) break;
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    private static bool HasDigitsOrWords(string rest) => rest.Any(char.IsLetterOrDigit);

    [GeneratedRegex("^[a-z0-9 .:/-]*$")]
    private static partial Regex AllowedText();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
