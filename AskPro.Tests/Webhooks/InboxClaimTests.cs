using System.Collections.Concurrent;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Observability;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Webhooks;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AskPro.Tests.Webhooks;

/// <summary>Several workers (as on several nodes) on one inbox: every item is claimed by
/// exactly one of them and processed once — PostgreSQL with FOR UPDATE SKIP LOCKED, SQL Server
/// with UPDLOCK, READPAST, SQLite through its single writer.</summary>
public sealed class InboxClaimTests
{
    private const int Items = 300;

    [Fact]
    public Task Four_workers_share_the_inbox_without_taking_an_item_twice_on_SQLite() => CheckAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task Four_workers_share_the_inbox_without_taking_an_item_twice_on_PostgreSQL() => CheckAsync(DatabaseProvider.Postgres);

    [SqlServerFact]
    public Task Four_workers_share_the_inbox_without_taking_an_item_twice_on_SQL_Server() => CheckAsync(DatabaseProvider.SqlServer);

    private static async Task CheckAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = DateTime.UtcNow;
        await using (var db = database.Platform())
        {
            // transcript_updated is stored and has no effect: the work here is the claiming.
            db.Inbox.AddRange(Enumerable.Range(0, Items).Select(i => new InboxItem
            {
                Provider = RetellCallEvents.Provider, EventKey = $"call_claim_{i}:transcript_updated", EventType = "transcript_updated",
                Payload = "{}", ReceivedAt = now, NextAttemptAt = now.AddMilliseconds(-i),
            }));
            // Not due yet: never claimed.
            db.Inbox.Add(new InboxItem { Provider = "retell", EventKey = "call_later:call_ended", EventType = "call_ended", Payload = "{}", ReceivedAt = now, NextAttemptAt = now.AddHours(1) });
            await db.SaveChangesAsync();
        }
        var services = new ServiceCollection();
        services.AddAskProPersistence(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = database.ConnectionString,
        }).Build());
        // Retell is a known provider: its transcript_updated has no handler, so it is stored with no effect.
        services.AddInboxHandler<RetellCallEvents>(RetellCallEvents.Provider, ["call_ended"], (h, item, ct) => h.ApplyAsync(item, ct));
        await using var provided = services.BuildServiceProvider();
        var scopes = provided.GetRequiredService<IServiceScopeFactory>();
        using var metrics = new AskProMetrics();
        var workers = Enumerable.Range(0, 4).Select(_ => new InboxWorker(scopes, provided.GetRequiredService<InboxHandlers>(), new InboxWriter(scopes), new WebhookOptions(), provided.GetRequiredService<LeaseClaim>(), TimeProvider.System, metrics, NullLogger<InboxWorker>.Instance)).ToList();

        // All four claim batches at the same time until nothing due is left.
        var claimed = new ConcurrentBag<Guid>();
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            IReadOnlyList<Guid> batch;
            while ((batch = await worker.ClaimDueAsync(25, default)).Count > 0)
                foreach (var id in batch) claimed.Add(id);
        })));
        Assert.Equal(Items, claimed.Count);
        Assert.Equal(Items, claimed.Distinct().Count());
        await using (var db = database.Platform())
        {
            Assert.Equal(Items, await db.Inbox.CountAsync(i => i.Status == InboxStatus.Processing && i.LeaseUntil > now));
            Assert.Equal(InboxStatus.Pending, (await db.Inbox.SingleAsync(i => i.EventKey == "call_later:call_ended")).Status);
            // Back to due, then processed by all four at once: each exactly once.
            await db.Inbox.Where(i => i.Status == InboxStatus.Processing).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InboxStatus.Pending));
        }

        var handled = await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var total = 0;
            int pass;
            while ((pass = await worker.ProcessDueAsync(25, default)) > 0) total += pass;
            return total;
        })));
        Assert.Equal(Items, handled.Sum());
        await using (var db = database.Platform())
            Assert.Equal(Items, await db.Inbox.CountAsync(i => i.Status == InboxStatus.Processed));
    }
}
