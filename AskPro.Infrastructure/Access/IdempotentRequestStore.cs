using AskPro.Core.Access;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Access;

/// <summary>What a request with an idempotency key meets.</summary>
public abstract record IdempotencyStart
{
    /// <summary>The first time: the key is taken for this request, which now runs.</summary>
    public sealed record Taken : IdempotencyStart;

    /// <summary>Answered before: the first answer, to send again.</summary>
    public sealed record Answered(IdempotentRequest Record) : IdempotencyStart;

    /// <summary>The first request with this key is still running.</summary>
    public sealed record Running : IdempotencyStart;

    /// <summary>The key was used for a different request (another route or body).</summary>
    public sealed record Mismatch : IdempotencyStart;
}

/// <summary>The company's idempotency records. Rows are never tracked: the request's own
/// unit of work (the engine's stores) shares this DbContext and must not save them by accident.</summary>
public sealed class IdempotentRequestStore(AskProDbContext db, TimeProvider clock)
{
    public async Task<IdempotencyStart> BeginAsync(string key, string fingerprint, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // An expired record is as good as none: the key may start afresh.
        var expired = now - IdempotentRequest.Lifetime;
        await db.IdempotentRequests.Where(r => r.Key == key && r.CreatedAt <= expired).ExecuteDeleteAsync(ct);

        var row = new IdempotentRequest { Key = key, Fingerprint = fingerprint, CreatedAt = now };
        db.IdempotentRequests.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return new IdempotencyStart.Taken();
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            // Someone holds the key: that request is the first.
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }

        var first = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (first is null) return new IdempotencyStart.Running(); // the first one just gave up; a retry starts afresh
        if (first.Fingerprint != fingerprint) return new IdempotencyStart.Mismatch();
        return first.StatusCode is null ? new IdempotencyStart.Running() : new IdempotencyStart.Answered(first);
    }

    public Task CompleteAsync(string key, int statusCode, string? contentType, string? location, string body, CancellationToken ct) =>
        db.IdempotentRequests.Where(r => r.Key == key && r.StatusCode == null).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, statusCode)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body), ct);

    /// <summary>The request failed in a way worth retrying (5xx, 429): the key is free again.</summary>
    public Task AbandonAsync(string key, CancellationToken ct) =>
        db.IdempotentRequests.Where(r => r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(ct);

    /// <summary>For the cleanup job, in platform scope: every company's expired records.</summary>
    public Task<int> RemoveExpiredAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - IdempotentRequest.Lifetime;
        return db.IdempotentRequests.Where(r => r.CreatedAt <= cutoff).ExecuteDeleteAsync(ct);
    }
}
