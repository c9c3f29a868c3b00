using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Scheduling.Holidays;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

public sealed record CalendarAppointment(
    Guid Id, Guid StaffId, Guid ServiceId, DateTime StartUtc, DateTime EndUtc, string Service, string Customer, Guid CustomerId,
    AppointmentStatus Status, AppointmentSource Source);

public sealed record CalendarStaff(Guid Id, string Name, IReadOnlyList<WeeklyInterval> WorkingHours, IReadOnlyList<Absence> Absences, IReadOnlyList<Guid> ServiceIds);

public sealed record CalendarService(Guid Id, string Name, int DurationMinutes);

/// <summary>What the calendar draws for one branch and a run of days on the branch's clock:
/// its opening hours, who works there, their appointments (cancelled ones left out) and
/// absences, the days it is closed (closures and public holidays, with the reason), and the
/// time callers hold right now (slots offered on the phone or the booking page, for a few minutes).</summary>
public sealed record CalendarView(
    Guid BranchId, string BranchName, string TimeZoneId, IReadOnlyList<WeeklyInterval> OpeningHours, DateOnly From, int Days,
    IReadOnlyList<CalendarStaff> Staff, IReadOnlyList<CalendarService> Services, IReadOnlyList<CalendarAppointment> Appointments,
    IReadOnlyDictionary<DateOnly, ClosedDay> Closed, IReadOnlyList<(Guid Id, string Name)> Branches)
{
    public IReadOnlyList<BusyTime> Holds { get; init; } = [];
}

public interface ICalendarQueries
{
    /// <summary>Null when the company has no such branch (no branch given: its first).</summary>
    Task<CalendarView?> ViewAsync(Guid? branchId, DateOnly from, int days, CancellationToken ct);
}

internal sealed class CalendarQueries(IDbContextFactory<AskProDbContext> contexts, IPublicHolidayCalendar holidays, EngineCalls engine) : ICalendarQueries
{
    public const int MaxDays = 14;

    /// <summary>Asks for holds as no caller: every caller's hold counts.</summary>
    private const string NoCaller = "portal-calendar";

    public async Task<CalendarView?> ViewAsync(Guid? branchId, DateOnly from, int days, CancellationToken ct)
    {
        days = Math.Clamp(days, 1, MaxDays);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var branches = await db.Branches.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var branch = branchId is { } id ? branches.FirstOrDefault(b => b.Id == id) : branches.FirstOrDefault();
        if (branch is null) return null;

        var range = new TimeInterval(BranchClock.ToUtc(from.ToDateTime(TimeOnly.MinValue), branch.TimeZoneId),
            BranchClock.ToUtc(from.AddDays(days).ToDateTime(TimeOnly.MinValue), branch.TimeZoneId));
        var staff = await db.Staff.AsNoTracking().Include(s => s.Services).Where(s => s.BranchId == branch.Id && s.Active).OrderBy(s => s.Name).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name)
            .Select(s => new CalendarService(s.Id, s.Name, s.DurationMinutes)).ToListAsync(ct);
        var appointments = await (
            from a in db.Appointments.AsNoTracking()
            where a.BranchId == branch.Id && a.Status != AppointmentStatus.Cancelled && a.StartUtc < range.End && a.EndUtc > range.Start
            join s in db.Services on a.ServiceId equals s.Id
            join c in db.Customers on a.CustomerId equals c.Id
            orderby a.StartUtc
            select new CalendarAppointment(a.Id, a.StaffId, a.ServiceId, a.StartUtc, a.EndUtc, s.Name, c.Name, c.Id, a.Status, a.Source)).ToListAsync(ct);

        var closedDays = ClosedDays.Of(branch, holidays, from, from.AddDays(days - 1));
        var closed = Enumerable.Range(0, days).Select(from.AddDays).Select(d => (d, closedDays.On(d))).Where(x => x.Item2 is not null)
            .ToDictionary(x => x.d, x => x.Item2!);
        var staffIds = staff.Select(s => s.Id).ToList();
        // The hold store has a unit of work of its own (a circuit must not keep one).
        var holds = staffIds.Count == 0 ? [] : await engine.RunAsync<IHoldStore, IReadOnlyList<BusyTime>>(h => h.HeldByOthersAsync(NoCaller, staffIds, range, ct));
        return new CalendarView(branch.Id, branch.Name, branch.TimeZoneId, branch.OpeningHours, from, days,
            [.. staff.Select(s => new CalendarStaff(s.Id, s.Name, s.WorkingHours, [.. s.Absences.Where(a => a.Interval.Overlaps(range))], [.. s.Services.Select(x => x.Id)]))],
            services, appointments, closed, [.. branches.Select(b => (b.Id, b.Name))]) { Holds = holds };
    }
}
