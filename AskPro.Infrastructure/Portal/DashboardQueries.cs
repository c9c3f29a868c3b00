using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>An open callback request as the dashboard lists it.</summary>
public sealed record CallbackRow(Guid Id, DateTime CreatedAt, string Name, E164Number? Phone, string Reason);

/// <summary>The dashboard's facts for "today" and "this week" in the company's zone.</summary>
public sealed record DashboardSummary(
    int Today, int Week, int CallsThisWeek, int Customers,
    IReadOnlyList<AppointmentRow> TodayList, IReadOnlyList<AppointmentRow> WeekList,
    IReadOnlyList<CallbackRow> OpenCallbacks, IReadOnlyList<DayCount> WeekByDay);

/// <summary>Active appointments on one day of the week (Monday first).</summary>
public sealed record DayCount(DateOnly Day, int Appointments);

public interface IDashboardQueries
{
    Task<DashboardSummary> SummaryAsync(CancellationToken ct);
}

internal sealed class DashboardQueries(IDbContextFactory<AskProDbContext> contexts, TimeProvider clock) : IDashboardQueries
{
    public async Task<DashboardSummary> SummaryAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var zone = await db.Companies.Select(c => c.TimeZoneId).FirstAsync(ct);
        var today = BranchClock.ToLocal(clock.GetUtcNow().UtcDateTime, zone).Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var (dayStart, dayEnd) = (BranchClock.ToUtc(today, zone), BranchClock.ToUtc(today.AddDays(1), zone));
        var (weekStart, weekEnd) = (BranchClock.ToUtc(monday, zone), BranchClock.ToUtc(monday.AddDays(7), zone));

        var week = await AppointmentQueries.Rows(db)
            .Where(a => a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Where(a => a.StartUtc >= weekStart && a.StartUtc < weekEnd)
            .OrderBy(a => a.StartUtc).ToListAsync(ct);
        var todayList = week.Where(a => a.StartUtc >= dayStart && a.StartUtc < dayEnd).ToList();
        var byDay = Enumerable.Range(0, 7).Select(d => DateOnly.FromDateTime(monday.AddDays(d)))
            .Select(day => new DayCount(day, week.Count(a => DateOnly.FromDateTime(BranchClock.ToLocal(a.StartUtc, zone).Date) == day)))
            .ToList();

        var calls = await db.Calls.CountAsync(c => c.StartedAt >= weekStart && c.StartedAt < weekEnd, ct);
        var customers = await db.Customers.CountAsync(ct);
        var callbacks = await db.CallbackRequests.AsNoTracking().Where(c => c.Status == CallbackStatus.Open)
            .OrderByDescending(c => c.CreatedAt).Take(20)
            .Select(c => new CallbackRow(c.Id, c.CreatedAt, c.Name, c.Phone, c.Reason)).ToListAsync(ct);
        return new DashboardSummary(todayList.Count, week.Count, calls, customers, todayList, week, callbacks, byDay);
    }
}
