using System.Globalization;

namespace AskPro.Core.Directory;

/// <summary>The rules of a weekly schedule (opening hours, working hours): every interval closes
/// after it opens, and two intervals of one day never overlap. Messages in German.</summary>
public static class WeeklyHours
{
    public const int MaxIntervalsPerDay = 6;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static IReadOnlyList<FieldError> Check(IReadOnlyList<WeeklyInterval> hours, string field)
    {
        var errors = new List<FieldError>();
        foreach (var day in hours.GroupBy(h => h.Day).OrderBy(d => ((int)d.Key + 6) % 7))
        {
            var name = DayName(day.Key);
            var intervals = day.OrderBy(h => h.Opens).ToList();
            if (intervals.Count > MaxIntervalsPerDay)
                errors.Add(new(field, $"{name}: höchstens {MaxIntervalsPerDay} Zeiträume pro Tag."));
            foreach (var h in intervals.Where(h => h.Closes <= h.Opens))
                errors.Add(new(field, $"{name}: {Span(h)} endet nicht nach dem Beginn."));
            var valid = intervals.Where(h => h.Closes > h.Opens).ToList();
            for (var i = 1; i < valid.Count; i++)
                if (valid[i].Opens < valid[i - 1].Closes)
                    errors.Add(new(field, $"{name}: {Span(valid[i - 1])} und {Span(valid[i])} überschneiden sich."));
        }
        return errors;
    }

    public static string DayName(DayOfWeek day) => German.DateTimeFormat.GetDayName(day);

    private static string Span(WeeklyInterval h) => $"{h.Opens:HH\\:mm}–{h.Closes:HH\\:mm}";
}
