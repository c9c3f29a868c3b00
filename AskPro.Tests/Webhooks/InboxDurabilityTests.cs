using System.Net;
using AskPro.Core.Webhooks;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Webhooks;

/// <summary>Nothing acknowledged is lost: events answered while no worker runs are all applied
/// after the app restarts with its worker.</summary>
public sealed class InboxDurabilityTests
{
    [Fact]
    public async Task Events_acknowledged_while_the_worker_is_stopped_are_processed_after_a_restart()
    {
        var folder = TestServices.NewTempDirectory("askpro-durable");
        var database = $"Data Source={Path.Combine(folder, "askpro.db")}";
        var clock = new FixedClock(BookingApp.Start);
        var ids = Enumerable.Range(0, 20).Select(i => $"call_durable_{i}_{Guid.NewGuid():N}").ToList();

        using (var stopped = new AppHost(new() { ["Database:ConnectionString"] = database, ["Webhooks:WorkerEnabled"] = "false" }, clock))
        {
            var retell = new FakeRetell(stopped.ApiClient(null), () => clock.Now);
            foreach (var id in ids)
                Assert.Equal(HttpStatusCode.NoContent, (await retell.SendAsync(FakeRetell.CallEnded(id))).StatusCode);
            Assert.Equal(ids.Count, await stopped.ReadAsync(db => db.Inbox.CountAsync(i => i.Status == InboxStatus.Pending && i.EventKey.StartsWith("call_durable_"))));
        }

        using var restarted = new AppHost(new() { ["Database:ConnectionString"] = database }, clock);
        _ = restarted.BaseAddress;
        await Eventually.Async("the restarted worker to process every acknowledged event",
            () => restarted.ReadAsync(db => db.Inbox.CountAsync(i => i.Status == InboxStatus.Processed && i.EventKey.StartsWith("call_durable_"))), n => n == ids.Count);
        Assert.Equal(ids.Count, await restarted.ReadAsync(db => db.Calls.CountAsync(c => c.RetellCallId.StartsWith("call_durable_") && c.DurationSeconds == 60)));
    }
}
