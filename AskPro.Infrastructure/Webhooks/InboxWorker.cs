using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Section "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    public bool WorkerEnabled { get; set; } = true;
    public int PollMilliseconds { get; set; } = 200;
    /// <summary>How long the worker waits, at most, before each write while deliveries are
    /// being acknowledged (see <see cref="InboxWriter.GiveWayAsync"/>).</summary>
    public int GiveWayMilliseconds { get; set; } = 50;
}

/// <summary>Processes the inbox: claims batches of due items (one UPDATE … RETURNING; on
/// PostgreSQL with FOR UPDATE SKIP LOCKED, so several nodes share the work), runs the provider's
/// handler in the company's tenant scope, and retries failures with exponential backoff and
/// jitter until they are dead-lettered.</summary>
public sealed class InboxWorker(IServiceScopeFactory scopes, InboxHandlers handlers, InboxWriter writer, WebhookOptions options, LeaseClaim leases, TimeProvider clock, Observability.AskProMetrics metrics, ILogger<InboxWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken ct) =>
        DuePolling.RunAsync(pass => ProcessDueAsync(50, pass), TimeSpan.FromMilliseconds(options.PollMilliseconds), logger, ct);

    /// <summary>One pass over due items; returns how many were handled.</summary>
    public async Task<int> ProcessDueAsync(int max, CancellationToken ct)
    {
        var giveWay = TimeSpan.FromMilliseconds(options.GiveWayMilliseconds);
        await writer.GiveWayAsync(giveWay, ct);
        var claimed = await ClaimDueAsync(max, ct);
        foreach (var id in claimed)
        {
            await writer.GiveWayAsync(giveWay, ct);
            await ProcessClaimedAsync(id, ct);
        }
        return claimed.Count;
    }

    /// <summary>Claims up to <paramref name="max"/> due items (<see cref="LeaseClaim"/>, shared with the outbox).</summary>
    public async Task<IReadOnlyList<Guid>> ClaimDueAsync(int max, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("inbox worker: claim due items");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        return await leases.ClaimDueAsync<InboxItem>(db, max, ct);
    }

    private async Task ProcessClaimedAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.EnterPlatformScope("inbox worker: process");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var item = await db.Inbox.SingleAsync(i => i.Id == id, ct);
        using var _ = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = item.CorrelationId ?? "", ["InboxItem"] = item.Id });
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await handlers.ApplyAsync(scope.ServiceProvider, item, ct);
            Finish(item, InboxStatus.Processed, null);
        }
        catch (DeadLetterException dead)
        {
            logger.LogWarning("Inbox item {InboxItem} dead-lettered: {Reason}", item.Id, dead.Message);
            Finish(item, InboxStatus.Dead, dead.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            item.Attempts++;
            var dead = item.Attempts >= InboxItem.MaxAttempts;
            logger.LogWarning("Inbox item {InboxItem} failed (attempt {Attempt}){Dead}", item.Id, item.Attempts, dead ? ", dead-lettered" : "");
            Finish(item, dead ? InboxStatus.Dead : InboxStatus.Failed, Describe(ex));
            item.NextAttemptAt = clock.GetUtcNow().UtcDateTime + InboxItem.Backoff(item.Attempts, Random.Shared.NextDouble());
        }

        metrics.ProcessingSeconds.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("provider", item.Provider), new KeyValuePair<string, object?>("outcome", item.Status.ToString()));

        // The handler's changes are saved by the handler; the item's outcome is saved in platform scope.
        db.ChangeTracker.Clear();
        tenant.EnterPlatformScope("inbox worker: record outcome");
        db.Inbox.Update(item);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>What an admin needs to fix the cause: the outer type and the innermost message
    /// (a DbUpdateException's own message only says "see the inner exception").</summary>
    private static string Describe(Exception ex)
    {
        var cause = ex;
        while (cause.InnerException is not null) cause = cause.InnerException;
        return cause == ex ? $"{ex.GetType().Name}: {ex.Message}" : $"{ex.GetType().Name}: {cause.Message}";
    }

    private void Finish(InboxItem item, InboxStatus status, string? error)
    {
        item.Status = status;
        (item.LeaseUntil, item.LeaseOwner) = (null, null);
        item.LastError = error is { Length: > 2000 } ? error[..2000] : error;
        if (status == InboxStatus.Processed) item.ProcessedAt = clock.GetUtcNow().UtcDateTime;
    }
}
