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

    /// <summary>True when stored now, false when it was a duplicate; throws if it could not be stored.</summary>
    public async Task<bool> WriteAsync(InboxItem item, CancellationToken ct)
    {
        var stored = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((item, stored), ct);
        return await stored.Task.WaitAsync(ct);
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
        try
        {
            await using var scope = Open(out var db);
            // Duplicates within the batch or already stored are answered as such, not written.
            var keys = batch.Select(b => b.Item.Provider + "|" + b.Item.EventKey).ToList();
            var eventKeys = batch.Select(b => b.Item.EventKey).Distinct().ToList();
            var existing = (await db.Inbox.AsNoTracking().Where(i => eventKeys.Contains(i.EventKey)).Select(i => i.Provider + "|" + i.EventKey).ToListAsync())
                .ToHashSet();
            var fresh = new List<(InboxItem Item, TaskCompletionSource<bool> Stored)>();
            foreach (var entry in batch)
            {
                if (existing.Add(entry.Item.Provider + "|" + entry.Item.EventKey)) fresh.Add(entry);
                else entry.Stored.TrySetResult(false);
            }
            db.Inbox.AddRange(fresh.Select(f => f.Item));
            await db.SaveChangesAsync();
            foreach (var entry in fresh) entry.Stored.TrySetResult(true);
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            // Another node stored one of them meanwhile: fall back to one item per transaction.
            foreach (var entry in batch.Where(b => !b.Stored.Task.IsCompleted)) await CommitOneAsync(entry);
        }
        catch (Exception ex)
        {
            foreach (var entry in batch) entry.Stored.TrySetException(ex);
        }
    }

    private async Task CommitOneAsync((InboxItem Item, TaskCompletionSource<bool> Stored) entry)
    {
        try
        {
            await using var scope = Open(out var db);
            db.Inbox.Add(entry.Item);
            await db.SaveChangesAsync();
            entry.Stored.TrySetResult(true);
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            entry.Stored.TrySetResult(false);
        }
        catch (Exception ex)
        {
            entry.Stored.TrySetException(ex);
        }
    }

    private AsyncServiceScope Open(out AskProDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("inbox writer");
        db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        return scope;
    }
}
