using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Operations.CrashRecovery;

/// <summary>The lease mechanics under the crash test, on the real database: a claim stamps the
/// node and process on the row with a short lease, the heartbeat's renewal moves it forward, a
/// restarted node (same node id, new process) takes back what its predecessor held while another
/// node's leases stay untouched, and the sweeper returns only leases that ran out.</summary>
public sealed class LeaseTests
{
    [Fact]
    public Task Leases_are_stamped_renewed_taken_back_by_the_restarted_node_and_swept_when_expired_on_SQLite() => CheckAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Leases_are_stamped_renewed_taken_back_by_the_restarted_node_and_swept_when_expired_on_PostgreSQL() => CheckAsync(DatabaseProvider.Postgres);

    private static async Task CheckAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var now = clock.Now.UtcDateTime;
        await using (var db = database.Platform())
        {
            db.Inbox.AddRange(Enumerable.Range(0, 4).Select(i => new InboxItem
            {
                Provider = RetellCallEvents.Provider, EventKey = $"lease_{i}:call_ended", EventType = "call_ended", Payload = "{}",
                ReceivedAt = now, NextAttemptAt = now.AddSeconds(-10 + i),
            }));
            await db.SaveChangesAsync();
        }
        var options = new LeaseOptions { Seconds = 15, RenewSeconds = 5 };
        // "node_a" and "nodeXa": an unescaped LIKE would take node_a's prefix for a pattern matching both.
        var nodeA = new LeaseClaim(options, new NodeIdentity("node_a"), clock);
        var nodeB = new LeaseClaim(options, new NodeIdentity("nodeXa"), clock);

        List<Guid> claimedByA, claimedByB;
        await using (var db = database.Platform())
        {
            claimedByA = await nodeA.ClaimDueAsync<InboxItem>(db, 2, CancellationToken.None);
            claimedByB = await nodeB.ClaimDueAsync<InboxItem>(db, 2, CancellationToken.None);
        }
        Assert.Equal(2, claimedByA.Count);
        Assert.Equal(2, claimedByB.Count);
        Assert.Empty(claimedByA.Intersect(claimedByB));
        var rows = await RowsAsync(database);
        Assert.All(claimedByA, id => Assert.Equal((InboxStatus.Processing, nodeA.Node.Owner, now.AddSeconds(15)), (rows[id].Status, rows[id].LeaseOwner, rows[id].LeaseUntil)));
        Assert.StartsWith("node_a/", nodeA.Node.Owner);

        // 10 s later the heartbeat renews A's leases only: a full lease from now.
        clock.Now = clock.Now.AddSeconds(10);
        await using (var db = database.Platform()) Assert.Equal(2, await nodeA.RenewAsync(db, typeof(InboxItem), CancellationToken.None));
        rows = await RowsAsync(database);
        Assert.All(claimedByA, id => Assert.Equal(now.AddSeconds(25), rows[id].LeaseUntil));
        Assert.All(claimedByB, id => Assert.Equal(now.AddSeconds(15), rows[id].LeaseUntil));

        // Node A is killed and starts again: the new process takes back its predecessor's rows at
        // once (before their lease runs out); B's are still B's. A second take-back finds nothing.
        var restartedA = new LeaseClaim(options, new NodeIdentity("node_a"), clock);
        Assert.NotEqual(nodeA.Node.Owner, restartedA.Node.Owner);
        await using (var db = database.Platform())
        {
            Assert.Equal(2, await restartedA.TakeBackFromDeadIncarnationsAsync(db, typeof(InboxItem), CancellationToken.None));
            Assert.Equal(0, await restartedA.TakeBackFromDeadIncarnationsAsync(db, typeof(InboxItem), CancellationToken.None));
            Assert.Equal(0, await nodeB.TakeBackFromDeadIncarnationsAsync(db, typeof(InboxItem), CancellationToken.None));
        }
        rows = await RowsAsync(database);
        Assert.All(claimedByA, id => Assert.Equal((InboxStatus.Pending, (string?)null, (DateTime?)null), (rows[id].Status, rows[id].LeaseOwner, rows[id].LeaseUntil)));
        Assert.All(claimedByB, id => Assert.Equal((InboxStatus.Processing, nodeB.Node.Owner), (rows[id].Status, rows[id].LeaseOwner)));

        // B dies for good: nothing happens until its lease runs out, then the sweeper returns its rows.
        await using (var db = database.Platform())
        {
            Assert.Equal(0, await restartedA.ReturnExpiredAsync(db, typeof(InboxItem), CancellationToken.None));
            clock.Now = clock.Now.AddSeconds(6);
            Assert.Equal(2, await restartedA.ReturnExpiredAsync(db, typeof(InboxItem), CancellationToken.None));
        }
        Assert.All((await RowsAsync(database)).Values, row => Assert.Equal(InboxStatus.Pending, row.Status));
    }

    private static async Task<Dictionary<Guid, InboxItem>> RowsAsync(TestDatabase database)
    {
        await using var db = database.Platform();
        return await db.Inbox.AsNoTracking().ToDictionaryAsync(i => i.Id);
    }
}
