using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Events;

/// <summary>Section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    public bool DispatcherEnabled { get; set; } = true;
    public int PollMilliseconds { get; set; } = 200;
}

/// <summary>The inbox worker's twin: claims batches of due outbox rows (<see cref="LeaseClaim"/>,
/// so several nodes share the work), delivers each to its subscriber in the event's tenant
/// scope, and saves the subscriber's changes together with "delivered" in one transaction.
/// A failure is retried with the inbox's backoff until it is dead-lettered (visible on the
/// inbox page); a crash leaves the row Processing until its short lease runs out (at once when the
/// node restarts, see <see cref="LeaseHeartbeat"/>), then it is claimed again — nothing is lost,
/// and nothing saved twice.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, EventSubscribers subscribers, OutboxOptions options, LeaseClaim leases, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken ct) =>
        DuePolling.RunAsync(pass => DispatchDueAsync(50, pass), TimeSpan.FromMilliseconds(options.PollMilliseconds), logger, ct);

    /// <summary>One pass over due rows; returns how many were handled.</summary>
    public async Task<int> DispatchDueAsync(int max, CancellationToken ct)
    {
        List<OutboxMessage> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("outbox: claim due events");
            var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
            var ids = await leases.ClaimDueAsync<OutboxMessage>(db, max, ct);
            // The claimed rows in one read, not one each: a booking's event has a row per
            // subscriber, and a read per row was a fifth of the dispatcher's CPU.
            claimed = ids.Count == 0 ? [] : await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.NextAttemptAt).ToListAsync(ct);
        }
        foreach (var message in claimed) await DeliverAsync(message, ct);
        return claimed.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.EnterPlatformScope("outbox: deliver claimed event");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        db.Outbox.Attach(message); // as claimed: "delivered" below updates only what changes
        using var _ = logger.BeginScope(new Dictionary<string, object> { ["OutboxMessage"] = message.Id, ["Subscriber"] = message.Subscriber });
        try
        {
            tenant.UseTenant(TenantId.From(message.CompanyId));
            await subscribers.DeliverAsync(scope.ServiceProvider, message.Subscriber, subscribers.Read(message.EventType, message.Payload), ct);
            Finish(message, InboxStatus.Processed, null);
            await db.SaveChangesAsync(ct); // the subscriber's changes and "delivered", in one transaction
            return;
        }
        catch (DeadLetterException dead)
        {
            logger.LogWarning("Outbox event {EventType} for {Subscriber} dead-lettered: {Reason}", message.EventType, message.Subscriber, dead.Message);
            await RecordFailureAsync(db, tenant, message, dead.Message, dead: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var dead = message.Attempts + 1 >= OutboxMessage.MaxAttempts;
            logger.LogWarning(ex, "Outbox event {EventType} for {Subscriber} failed (attempt {Attempt}){Dead}", message.EventType, message.Subscriber,
                message.Attempts + 1, dead ? ", dead-lettered" : "");
            await RecordFailureAsync(db, tenant, message, $"{ex.GetType().Name}: {ex.Message}", dead);
        }
    }

    private async Task RecordFailureAsync(AskProDbContext db, TenantContext tenant, OutboxMessage message, string error, bool dead)
    {
        // Nothing the subscriber did is kept: only the attempt is recorded.
        db.ChangeTracker.Clear();
        tenant.EnterPlatformScope("outbox: record failure");
        message.Attempts++;
        Finish(message, dead ? InboxStatus.Dead : InboxStatus.Failed, error);
        message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + InboxItem.Backoff(message.Attempts, Random.Shared.NextDouble());
        db.Outbox.Update(message);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Finish(OutboxMessage message, InboxStatus status, string? error)
    {
        message.Status = status;
        (message.LeaseUntil, message.LeaseOwner) = (null, null);
        message.LastError = error is { Length: > 2000 } ? error[..2000] : error;
        if (status == InboxStatus.Processed) message.ProcessedAt = clock.GetUtcNow().UtcDateTime;
    }
}
