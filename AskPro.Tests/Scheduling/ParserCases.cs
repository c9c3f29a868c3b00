using AskPro.Core.Scheduling.GermanDates;

namespace AskPro.Tests.Scheduling;

/// <summary>How the parser tables are written and checked. A salon open Mo–Fr 09–18 and Sa 09–14,
/// "now" in Europe/Berlin wall-clock time. Expected: "yyyy-MM-dd HH:mm" (a point, "~" when
/// approximate), "yyyy-MM-dd HH:mm-HH:mm" (a span of one day), "yyyy-MM-dd" (a day),
/// "yyyy-MM-dd..yyyy-MM-dd HH:mm-HH:mm" (several days, each within that time), or "?" (a
/// question, optionally "?words" it must contain).</summary>
internal static class ParserCases
{
    public static void Check(string now, string? date, string? time, string expected)
    {
        var wish = GermanDateParser.Parse(date, time, SalonContext(DateTime.ParseExact(now, "yyyy-MM-dd HH:mm", null)));
        var shown = Describe(wish);
        Assert.True((expected.StartsWith('?') ? "?" : expected) == shown,
            $"\"{date} | {time}\" at {now}: expected {expected}, got {shown}{(wish is DateWish.Question q ? " (" + q.Text + ")" : "")}");
        if (expected.Length > 1 && expected.StartsWith('?'))
            Assert.Contains(expected[1..], ((DateWish.Question)wish).Text);
    }

    public static DateContext SalonContext(DateTime nowLocal) => DateContext.WithHours(nowLocal, day => day switch
    {
        DayOfWeek.Sunday => [],
        DayOfWeek.Saturday => [(new TimeOnly(9, 0), new TimeOnly(14, 0))],
        _ => [(new TimeOnly(9, 0), new TimeOnly(18, 0))],
    });

    private static string Describe(DateWish wish) => wish switch
    {
        DateWish.At at => (at.Approximate ? "~" : "") + $"{at.Date:yyyy-MM-dd} {at.Time:HH\\:mm}",
        DateWish.Within within => $"{within.Date:yyyy-MM-dd} {within.From:HH\\:mm}-{within.To:HH\\:mm}",
        DateWish.Day day => $"{day.Date:yyyy-MM-dd}",
        DateWish.Days days => $"{days.First:yyyy-MM-dd}..{days.Last:yyyy-MM-dd} {days.From:HH\\:mm}-{days.To:HH\\:mm}",
        DateWish.Question => "?",
        _ => "unknown",
    };
}
