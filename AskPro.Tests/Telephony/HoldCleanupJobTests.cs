using AskPro.Core.Operations;
using AskPro.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AskPro.Tests.Telephony;

[Collection(BookingAppCollection.Name)]
public sealed class HoldCleanupJobTests(BookingApp app)
{
    [Fact]
    public async Task The_scheduled_cleanup_removes_expired_holds_and_records_its_run()
    {
        var call = "call_cleanup_" + Guid.NewGuid().ToString("N");
        await app.Retell.CallAsync("check_availability", new { datum = "5.1.", uhrzeit = "16 Uhr", dienstleistung = "Beratung" }, call);
        Assert.True(await app.ReadAsync(db => db.SlotHolds.AnyAsync(h => h.CallId == call)));

        app.Clock.Now += TimeSpan.FromMinutes(10);
        try
        {
            var scheduler = await app.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(HoldCleanupJob.Key, new JobDataMap(), CancellationToken.None);
            for (var i = 0; i < 100 && await app.ReadAsync(db => db.SlotHolds.AnyAsync(h => h.CallId == call)); i++) await Task.Delay(100);

            Assert.False(await app.ReadAsync(db => db.SlotHolds.AnyAsync(h => h.CallId == call)));
            var run = await app.ReadAsync(db => db.JobRuns.Where(r => r.Job == "HoldCleanupJob").OrderByDescending(r => r.StartedAt).FirstAsync());
            for (var i = 0; i < 50 && run.Outcome == JobOutcome.Running; i++)
            {
                await Task.Delay(100);
                run = await app.ReadAsync(db => db.JobRuns.Where(r => r.Job == "HoldCleanupJob").OrderByDescending(r => r.StartedAt).FirstAsync());
            }
            Assert.Equal(JobOutcome.Succeeded, run.Outcome);
            Assert.Contains("expired hold", run.Message);
        }
        finally
        {
            app.Clock.Now -= TimeSpan.FromMinutes(10);
        }
    }
}
