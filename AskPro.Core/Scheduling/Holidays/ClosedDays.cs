using AskPro.Core.Directory;
using System.Globalization;

namespace AskPro.Core.Scheduling.Holidays;

/// <summary>A day the branch does not open and why: one of its own closures ("Betriebsurlaub",
/// From–To) or a public holiday of its region ("Neujahr").</summary>
public sealed record ClosedDay(DateOnly From, DateOnly To, string Reason, bool IsPublicHoliday)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>What the agent says: "Am 1. Januar, Neujahr, haben wir geschlossen." or "Vom 24.
    /// bis 26. Dezember sind wir wegen Betriebsurlaub geschlossen."</summary>
    public string Sentence()
    {
        if (IsPublicHoliday) return $"Am {From.ToString("d. MMMM", German)}, {Reason}, haben wir geschlossen.";
        var reason = string.IsNullOrWhiteSpace(Reason) ? "" : $" wegen {Reason.Trim()}";
        if (From == To) return $"Am {From.ToString("d. MMMM", German)} sind wir{reason} geschlossen.";
        var from = From.Month == To.Month ? From.ToString("d.", German) : From.ToString("d. MMMM", German);
        return $"Vom {from} bis {To.ToString("d. MMMM", German)} sind wir{reason} geschlossen.";
    }
}

/// <summary>The days a branch is closed: its closures, and its region's public holidays except
/// those the company opted in (<see cref="Branch.OpenOnHolidays"/>). The one source of "closed,
/// and why" for availability and for the sentence the caller hears.</summary>
public sealed class ClosedDays
{
    private readonly IReadOnlyList<ClosedDay> _days;

    public ClosedDays(IEnumerable<Closure> closures, IEnumerable<Holiday> holidays)
    {
        _days = [.. closures.Select(c => new ClosedDay(c.From, c.To, c.Reason, IsPublicHoliday: false)),
                 .. holidays.Select(h => new ClosedDay(h.Date, h.Date, h.Name, IsPublicHoliday: true))];
    }

    public static ClosedDays None { get; } = new([], []);

    /// <summary>The branch's closures and its region's holidays in the years the range touches.</summary>
    public static ClosedDays Of(Branch branch, IPublicHolidayCalendar calendar, DateOnly from, DateOnly to)
    {
        var optedIn = branch.OpenOnHolidays.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var holidays = Enumerable.Range(from.Year, to.Year - from.Year + 1)
            .SelectMany(year => calendar.In(branch.RegionOrCountry, year))
            .Where(h => h.Date >= from && h.Date <= to && !optedIn.Contains(h.Name));
        return new ClosedDays(branch.Closures, holidays);
    }

    /// <summary>Why the branch is closed that day; the branch's own closure before a holiday.</summary>
    public ClosedDay? On(DateOnly day)
    {
        ClosedDay? holiday = null;
        foreach (var closed in _days)
        {
            if (day < closed.From || day > closed.To) continue;
            if (!closed.IsPublicHoliday) return closed;
            holiday ??= closed;
        }
        return holiday;
    }

    public bool IsClosed(DateOnly day) => On(day) is not null;
}
