using System.Globalization;
using AskPro.Core.Directory;
using AskPro.Web.Components.Shared;

namespace AskPro.Web.Components.Pages.Settings.Directory;

/// <summary>One interval of a weekly schedule as the form edits it: times as the browser's time
/// input gives them ("09:00"). Turned into <see cref="WeeklyInterval"/>s on save; the use case
/// then checks order and overlaps.</summary>
public sealed class HoursRow
{
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    public string? Opens { get; set; } = "09:00";
    public string? Closes { get; set; } = "18:00";

    /// <summary>Monday first, as a German week starts.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static List<HoursRow> From(IEnumerable<WeeklyInterval> hours) =>
        [.. hours.OrderBy(h => Array.IndexOf(Week, h.Day)).ThenBy(h => h.Opens)
            .Select(h => new HoursRow { Day = h.Day, Opens = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), Closes = h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture) })];

    /// <summary>The intervals, or the rows whose times are not times.</summary>
    public static (List<WeeklyInterval> Hours, List<FieldError> Errors) Build(IEnumerable<HoursRow> rows, string field)
    {
        var hours = new List<WeeklyInterval>();
        var errors = new List<FieldError>();
        foreach (var row in rows)
        {
            if (TimeInput.TryParse(row.Opens, out var opens) && TimeInput.TryParse(row.Closes, out var closes))
                hours.Add(new WeeklyInterval { Day = row.Day, Opens = opens, Closes = closes });
            else
                errors.Add(new FieldError(field, $"{WeeklyHours.DayName(row.Day)}: bitte Beginn und Ende als Uhrzeit angeben."));
        }
        return (hours, errors);
    }
}
