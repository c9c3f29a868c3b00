using System.Text.RegularExpressions;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Booking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using AskPro.Tests.Support;
using Quartz;

namespace AskPro.Tests.Telephony;

[Collection(BookingAppCollection.Name)]
public sealed class HoldCleanupJobTests(BookingApp app)
{
    [Fact]
    public async Task The_scheduled_cleanup_removes_expired_holds_and_records_its_run()
    {
        // Offered slots are held (in memory on SQLite); ten minutes later they have expired.
        var call = "call_cleanup_" + Guid.NewGuid().ToString("N");
        var offered = await app.Retell.CallAsync("check_availability", new { datum = "5.1.", uhrzeit = "16 Uhr", dienstleistung = "Beratung" }, call);
        Assert.Equal("available", offered.GetProperty("status").GetString());

        app.Clock.Now += TimeSpan.FromMinutes(10);
        try
        {
            var startedAfter = app.Clock.Now.UtcDateTime;
            var scheduler = await app.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(HoldCleanupJob.Key, new JobDataMap(), CancellationToken.None);
            // Quartz may run its own scheduled pass at the same (fixed) time: one of the runs removed the hold.
            var runs = await Eventually.Async("a cleanup run that removed holds",
                () => app.ReadAsync(db => db.JobRuns.Where(r => r.Job == "HoldCleanupJob" && r.StartedAt >= startedAfter).ToListAsync()),
                r => r.Any(run => run.Outcome == JobOutcome.Succeeded && Regex.IsMatch(run.Message, @"^[1-9]\d* expired hold\(s\) removed, \d+ expired idempotency record\(s\) removed$")));
            Assert.DoesNotContain(runs, r => r.Outcome == JobOutcome.Failed);
        }
        finally
        {
            app.Clock.Now -= TimeSpan.FromMinutes(10);
        }
    }
}
