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

    public static DateWish Parse(string? date, string? time, DateContext context)
    {
        var text = Normalize($"{date} {time}");
        if (text.Length == 0) return new DateWish.Question("Für welchen Tag möchten Sie den Termin?");
        if (text.Length > MaxLength || !AllowedText().IsMatch(text)) return new DateWish.Question("Welches Datum meinen Sie?");

        var day = GermanDayReader.Read(ref text, context);
        if (day is DayReading.Ask ask) return new DateWish.Question(ask.Text);
        var clock = GermanTimeReader.Read(ref text);
        if (clock is TimeReading.Ask askTime) return new DateWish.Question(askTime.Text);

        var date1 = (day as DayReading.Found)?.Date;
        if (date1 is null && clock is TimeReading.None)
            return new DateWish.Question(HasDigitsOrWords(text) ? "Welches Datum meinen Sie?" : "Für welchen Tag möchten Sie den Termin?");
        return Resolve(date1, clock, context);
    }

    private static DateWish Resolve(DateOnly? date, TimeReading clock, DateContext context)
    {
        var today = context.Today;
        var now = TimeOnly.FromDateTime(context.NowLocal);

        if (date is { } d && d < today)
            return new DateWish.Question($"Der {d.ToString("d. MMMM", CultureInfo.GetCultureInfo("de-DE"))} ist schon vorbei. Welches Datum meinen Sie?");

        switch (clock)
        {
            case TimeReading.None:
                return new DateWish.Day(date!.Value);

            case TimeReading.Point point:
            {
                if (date is null)
                {
                    // A time alone: today if it is still ahead, otherwise ask (never guess tomorrow).
                    var todayTime = Afternoon(point, today, context);
                    return todayTime > now
                        ? new DateWish.At(today, todayTime, point.Approximate)
                        : new DateWish.Question($"Meinen Sie heute oder morgen um {GermanSpeech.Time(Afternoon(point, today.AddDays(1), context))}?");
                }
                var time = Afternoon(point, date.Value, context);
                if (date == today && time <= now)
                    return new DateWish.Question($"{GermanSpeech.Time(time)} ist heute schon vorbei. Welche Uhrzeit passt Ihnen?");
                return new DateWish.At(date.Value, time, point.Approximate);
            }

            case TimeReading.Span span:
            {
                var day = date ?? today;
                var (from, to) = span.IsPeriod ? Clip(span.From, span.To, day, context) : (span.From, span.To);
                if (day == today && to <= now)
                    return new DateWish.Question(date is null
                        ? "Meinen Sie heute oder an einem anderen Tag?"
                        : "Dieser Zeitraum ist heute schon vorbei. Welche Uhrzeit passt Ihnen?");
                if (day == today && from < now) from = now;
                return new DateWish.Within(day, from, to);
            }

            default:
                return new DateWish.Question("Zu welcher Uhrzeit möchten Sie kommen?");
        }
    }

    /// <summary>"halb drei" or "um 3" means 14:30 / 15:00 when the branch is closed at the early
    /// hour and open at the afternoon one.</summary>
    private static TimeOnly Afternoon(TimeReading.Point point, DateOnly date, DateContext context)
    {
        var time = point.Time;
        if (!point.MaybeAfternoon || time.Hour > 7) return time;
        var later = time.AddHours(12);
        return !context.IsOpen(date, time) && context.IsOpen(date, later) ? later : time;
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
