using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Operations;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Hourly and at start-up: pre-loads the Cal.com slots of every event type that an
/// active service (or a staff member's own mapping) of every active Cal.com company is booked
/// as, so the first callers do not wait for Cal.com. One request per event type, spaced so the
/// warm-up uses at most <see cref="CalComOptions.WarmupShare"/> of the company's rate limit
/// (its requests go through the same per-company limiter as callers'). A company whose
/// Cal.com cannot be asked is skipped after its first failure: its circuit is not pushed open by
/// a job. What was warmed is the run's message in the job history.</summary>
[DisallowConcurrentExecution]
public sealed class CacheWarmupJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CacheWarmupJob> logger)
    : RecordedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("cache-warmup", "calendars");

    protected override string Name => "CacheWarmupJob";

    protected override async Task<(JobOutcome, string)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<CalComOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var db = services.GetRequiredService<AskProDbContext>();
        var companies = await db.CalComSettings.AsNoTracking()
            .Where(s => s.Active && db.Companies.Any(c => c.Id == s.CompanyId && c.Status == CompanyStatus.Active)).Select(s => s.CompanyId).ToListAsync(ct);
        var pause = Pause(options);
        var today = clock.GetUtcNow().UtcDateTime.Date;
        // A Berlin day starts the UTC day before; each answer reads the search window after the asked day.
        var range = new TimeInterval(DateTime.SpecifyKind(today.AddDays(-1), DateTimeKind.Utc),
            DateTime.SpecifyKind(today.AddDays(options.WarmupDays + SlotSearch.SearchDays + 1), DateTimeKind.Utc));
        var (warmed, cached, skipped) = (0, 0, 0);
        foreach (var companyId in companies)
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(companyId));
            var calendar = scope.ServiceProvider.GetRequiredService<CalComCalendar>();
            foreach (var eventType in EventTypes(await scope.ServiceProvider.GetRequiredService<ITenantDirectory>().GetAsync(ct)))
            {
                try
                {
                    if (!await calendar.WarmAsync(eventType, range, ct)) { cached++; continue; }
                    warmed++;
                    await Task.Delay(pause, clock, ct);
                }
                catch (CalendarUnavailableException ex)
                {
                    logger.LogWarning("Cache warm-up of company {CompanyId} stopped: {Reason}", companyId, ex.Message);
                    skipped++;
                    break;
                }
            }
        }
        return (skipped == 0 ? JobOutcome.Succeeded : JobOutcome.Failed,
            $"{companies.Count} Cal.com companies, {range.Start:yyyy-MM-dd}..{range.End.AddDays(-1):yyyy-MM-dd}: {warmed} event types loaded, {cached} already cached, {skipped} companies not reachable");
    }

    /// <summary>Time between two warm-up requests of one company: its share of the rate limit.</summary>
    internal static TimeSpan Pause(CalComOptions options) =>
        TimeSpan.FromSeconds(options.RateWindowSeconds / Math.Max(1, Math.Floor(options.RequestsPerMinute * options.WarmupShare)));

    /// <summary>Every event type a caller can be offered: active services' and staff members' own ones.</summary>
    internal static IReadOnlyList<int> EventTypes(DirectorySnapshot company) =>
        company.Services.Where(s => s.CalComEventTypeId is not null).Select(s => s.CalComEventTypeId!.Value)
            .Concat(company.CalComStaffEventTypes.Where(m => company.Service(m.ServiceId) is not null).Select(m => m.EventTypeId))
            .Distinct().Order().ToList();
}
