using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Portal;

namespace AskPro.Web.Components.Pages.Calendar;

/// <summary>The calendar's layout: one column per day and staff member, one row per quarter hour
/// on the branch's clock between the earliest opening and the latest closing of the days shown.
/// Pure arithmetic over a <see cref="CalendarView"/>, so the page only draws.</summary>
public sealed class CalendarGrid
{
    public const int RowMinutes = 15;

    public sealed record Column(int Index, DateOnly Day, CalendarStaff Staff);

    /// <summary>Something drawn over rows of one column (an appointment, an absence).</summary>
    public sealed record Placed<T>(T Item, int Column, int Row, int Span);

    public CalendarGrid(CalendarView view)
    {
        View = view;
        Days = [.. Enumerable.Range(0, view.Days).Select(view.From.AddDays)];
        Columns = [.. Days.SelectMany(d => view.Staff.Select(s => (d, s))).Select((x, i) => new Column(i, x.d, x.s))];
        var hours = view.OpeningHours.Where(h => Days.Any(d => d.DayOfWeek == h.Day)).ToList();
        First = hours.Count == 0 ? new TimeOnly(8, 0) : new TimeOnly(hours.Min(h => h.Opens).Hour, 0);
        var last = hours.Count == 0 ? new TimeOnly(18, 0) : hours.Max(h => h.Closes);
        Rows = Math.Max(1, (int)Math.Ceiling((last - First).TotalMinutes / RowMinutes));
    }

    public CalendarView View { get; }
    public IReadOnlyList<DateOnly> Days { get; }
    public IReadOnlyList<Column> Columns { get; }
    public TimeOnly First { get; }
    public int Rows { get; }

    public TimeOnly TimeOf(int row) => First.AddMinutes(row * RowMinutes);

    /// <summary>Rows drawn before the browser has said which are in view: a whole working day.</summary>
    public const int InitialVisibleRows = 48;

    /// <summary>Rows drawn beyond each edge of the view, so a short scroll shows no gap.</summary>
    public const int Overscan = 8;

    /// <summary>The rows whose cells are drawn [From, To): those in view and the overscan, within the grid.
    /// Only cells and times are windowed; appointments, holds and absences are few and always placed.</summary>
    public (int From, int To) RowWindow(int firstVisible, int visibleCount)
    {
        var from = Math.Clamp(firstVisible - Overscan, 0, Rows);
        return (from, Math.Clamp(firstVisible + Math.Max(1, visibleCount) + Overscan, from, Rows));
    }

    public DateTime StartUtc(DateOnly day, int row) => BranchClock.ToUtc(day.ToDateTime(TimeOf(row)), View.TimeZoneId);

    public IEnumerable<Column> ColumnsOf(DateOnly day) => Columns.Where(c => c.Day == day);

    public ClosedDayInfo? ClosedOn(DateOnly day) => View.Closed.TryGetValue(day, out var closed) ? new(closed.Reason, closed.IsPublicHoliday) : null;

    public sealed record ClosedDayInfo(string Reason, bool IsPublicHoliday);

    /// <summary>Bookable in principle: the branch is open and the staff member works then (busy time aside).</summary>
    public bool IsWorking(Column column, int row)
    {
        if (ClosedOn(column.Day) is not null) return false;
        var time = TimeOf(row);
        bool Within(IEnumerable<WeeklyInterval> hours) => hours.Any(h => h.Day == column.Day.DayOfWeek && h.Opens <= time && time < h.Closes);
        return Within(View.OpeningHours) && (column.Staff.WorkingHours.Count == 0 || Within(column.Staff.WorkingHours));
    }

    public IEnumerable<Placed<CalendarAppointment>> Appointments() =>
        from a in View.Appointments
        from c in Columns.Where(c => c.Staff.Id == a.StaffId)
        let place = Place(c.Day, a.StartUtc, a.EndUtc)
        where place is not null
        select new Placed<CalendarAppointment>(a, c.Index, place.Value.Row, place.Value.Span);

    public IEnumerable<Placed<Absence>> Absences() =>
        from c in Columns
        from a in c.Staff.Absences
        let place = Place(c.Day, a.StartUtc, a.EndUtc)
        where place is not null
        select new Placed<Absence>(a, c.Index, place.Value.Row, place.Value.Span);

    /// <summary>Time a caller holds (offered, not yet booked) in a staff member's column.</summary>
    public IEnumerable<Placed<BusyTime>> Holds() =>
        from h in View.Holds
        from c in Columns.Where(c => c.Staff.Id == h.StaffId)
        let place = Place(c.Day, h.Interval.Start, h.Interval.End)
        where place is not null
        select new Placed<BusyTime>(h, c.Index, place.Value.Row, place.Value.Span);

    /// <summary>The rows [start, end) covers on that day, clipped to the rows shown; null when none.</summary>
    public (int Row, int Span)? Place(DateOnly day, DateTime startUtc, DateTime endUtc)
    {
        var dayStart = StartUtc(day, 0);
        var dayEnd = dayStart.AddMinutes(Rows * RowMinutes);
        if (endUtc <= dayStart || startUtc >= dayEnd) return null;
        var from = startUtc < dayStart ? dayStart : startUtc;
        var to = endUtc > dayEnd ? dayEnd : endUtc;
        var row = (int)Math.Floor((from - dayStart).TotalMinutes / RowMinutes);
        return (row, Math.Max(1, (int)Math.Ceiling((to - dayStart).TotalMinutes / RowMinutes) - row));
    }
}
