using System.Threading.Channels;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Group commit for the inbox: deliveries arriving together are written in one
/// transaction, and each request is answered only after the transaction holding its item has
/// committed — the durability promise is unchanged, the commit cost is shared.</summary>
public sealed class InboxWriter(IServiceScopeFactory scopes) : BackgroundService
{
    private const int MaxBatch = 200;

    private readonly Channel<(InboxItem Item, TaskCompletionSource<bool> Stored)> _queue =
        Channel.CreateBounded<(InboxItem, TaskCompletionSource<bool>)>(new BoundedChannelOptions(10_000) { SingleReader = true });

    /// <summary>Deliveries queued or being committed: providers are waiting for these.</summary>
    private int _waiting;

    /// <summary>True when stored now, false when it was a duplicate; throws if it could not be stored.</summary>
    public async Task<bool> WriteAsync(InboxItem item, CancellationToken ct)
    {
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _waiting);
        try
        {
            await _queue.Writer.WriteAsync((item, stored), ct);
            return await stored.Task.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Background writers (the inbox worker) call this before they write: while
    /// deliveries wait for their acknowledgement it waits, at most <paramref name="longest"/>, so
    /// acknowledging comes first on a database with one writer (SQLite) and processing still
    /// moves on under sustained load.</summary>
    public async Task GiveWayAsync(TimeSpan longest, CancellationToken ct)
    {
        var started = Environment.TickCount64;
        while (Volatile.Read(ref _waiting) > 0 && Environment.TickCount64 - started < longest.TotalMilliseconds)
            await Task.Delay(1, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var batch = new List<(InboxItem Item, TaskCompletionSource<bool> Stored)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<(InboxItem Item, TaskCompletionSource<bool> Stored)> batch)
    {
        // The first delivery of a key in this batch is written; repeats are duplicates already.
        var first = batch.Select(b => b.Item).DistinctBy(i => (i.Provider, i.EventKey)).ToList();
        HashSet<Guid> stored;
        try
        {
            await using var scope = Open(out var db);
            stored = [.. await InsertNewAsync(db, first)];
        }
        catch (Exception ex)
        {
            foreach (var entry in batch) entry.Stored.TrySetException(ex);
            return;
        }
        foreach (var (item, done) in batch) done.TrySetResult(stored.Contains(item.Id));
    }

    /// <summary>One transaction for the batch, one INSERT per row. A row whose (provider, event
    /// key) is already stored — by an earlier delivery or by another node at this very moment —
    /// is skipped by the unique index itself, so there is no window between a check and the
    /// write. Returns the ids of the rows written.</summary>
    /// <remarks>Harmless to redo (a dropped connection, a deadlock): the unique index skips what
    /// is stored. After a lost commit answer the redo finds the batch stored and calls it
    /// duplicates, which are acknowledged all the same.</remarks>
    private static Task<List<Guid>> InsertNewAsync(AskProDbContext db, List<InboxItem> items) =>
        db.InTransactionAsync(async token =>
        {
            var written = new List<Guid>(items.Count);
            var sqlServer = db.Database.IsSqlServer();
            foreach (var item in items)
            {
                var rows = await db.Database.ExecuteSqlAsync(sqlServer ? SqlServerInsert(item) : Insert(item), token);
                if (rows == 1) written.Add(item.Id);
            }
            return written;
        }, committed: null, CancellationToken.None);

    private static FormattableString Insert(InboxItem item) => $"""
        INSERT INTO "Inbox" ("Id", "Provider", "EventKey", "EventType", "Payload", "ReceivedAt", "Status", "Attempts", "NextAttemptAt", "CorrelationId", "CompanyId")
        VALUES ({item.Id}, {item.Provider}, {item.EventKey}, {item.EventType}, {item.Payload}, {item.ReceivedAt}, {nameof(InboxStatus.Pending)}, 0, {item.NextAttemptAt}, {item.CorrelationId}, {item.CompanyId})
        ON CONFLICT ("Provider", "EventKey") DO NOTHING
        """;

    // SQL Server has no ON CONFLICT: UPDLOCK + HOLDLOCK lock the key's range in the unique
    // index, so a concurrent insert of the same key waits and then finds the row.
    private static FormattableString SqlServerInsert(InboxItem item) => $"""
        INSERT INTO "Inbox" ("Id", "Provider", "EventKey", "EventType", "Payload", "ReceivedAt", "Status", "Attempts", "NextAttemptAt", "CorrelationId", "CompanyId")
        SELECT {item.Id}, {item.Provider}, {item.EventKey}, {item.EventType}, {item.Payload}, {item.ReceivedAt}, {nameof(InboxStatus.Pending)}, 0, {item.NextAttemptAt}, {item.CorrelationId}, {item.CompanyId}
        WHERE NOT EXISTS (SELECT 1 FROM "Inbox" WITH (UPDLOCK, HOLDLOCK) WHERE "Provider" = {item.Provider} AND "EventKey" = {item.EventKey})
        """;

    private AsyncServiceScope Open(out AskProDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("inbox writer");
        db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        return scope;
    }
}
