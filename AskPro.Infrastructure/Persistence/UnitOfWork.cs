using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace AskPro.Infrastructure.Persistence;

/// <summary>The one way to run a unit of work in its own transaction: under the provider's
/// execution strategy, which on PostgreSQL and SQL Server redoes the whole unit after a transient
/// failure (a pooled connection the restarted server dropped, a deadlock victim). SQLite has no
/// retrying strategy: the unit runs once, in its turn at <see cref="SqliteWriteGate"/>.
/// <para>Each redo starts from the change tracker as it was before the unit: what the failed
/// attempt began tracking is detached, and what was tracked before gets its state and values
/// back (the rolled-back save had marked its changes saved). A request's other tracked rows (the
/// call row) stay tracked, unlike with <c>ChangeTracker.Clear()</c>. A unit that fails for good,
/// or is not committed, leaves the tracker the same way.</para>
/// <para>A commit whose answer was lost may still have happened. <c>committed</c> then asks the
/// database by a key the unit wrote, and a unit found there is not redone; a unit without it must
/// be harmless to redo or meet a unique key on the redo. Each caller says which in a comment.</para></summary>
public static class UnitOfWork
{
    /// <param name="work">The whole unit; it may run more than once.</param>
    /// <param name="committed">Whether the unit's writes are in the database (asked only after a lost commit answer).</param>
    /// <param name="commitIf">Commit only a result this accepts (default: every result); otherwise roll back and return it.</param>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work,
        Func<CancellationToken, Task<bool>>? committed, CancellationToken ct, Func<T, bool>? commitIf = null)
    {
        var before = db.ChangeTracker.Entries().Select(Tracked.Of).ToList();
        var attempts = 0;
        var committing = false;
        T result = default!;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(0,
                async (_, _, token) =>
                {
                    if (attempts++ > 0) Restore(db, before);
                    committing = false;
                    using var writer = await SqliteWriteGate.EnterAsync(db, token);
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    result = await work(token);
                    if (commitIf is not null && !commitIf(result))
                    {
                        await transaction.RollbackAsync(token);
                        Restore(db, before);
                        return result;
                    }
                    committing = true;
                    await transaction.CommitAsync(token);
                    return result;
                },
                async (_, _, token) => new ExecutionResult<T>(committing && committed is not null && await committed(token), result),
                ct);
        }
        catch
        {
            Restore(db, before);
            throw;
        }
    }

    /// <summary>A unit of work without a result.</summary>
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work,
        Func<CancellationToken, Task<bool>>? committed, CancellationToken ct) =>
        db.InTransactionAsync(async token => { await work(token); return true; }, committed, ct);

    /// <summary>An entry as it was before the unit: its state and its values.</summary>
    private sealed record Tracked(object Entity, EntityState State, PropertyValues Original, PropertyValues Current)
    {
        public static Tracked Of(EntityEntry entry) => new(entry.Entity, entry.State, entry.OriginalValues.Clone(), entry.CurrentValues.Clone());
    }

    private static void Restore(DbContext db, List<Tracked> before)
    {
        var known = before.Select(b => b.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
            if (!known.Contains(entry.Entity)) entry.State = EntityState.Detached;
        foreach (var tracked in before)
        {
            var entry = db.Entry(tracked.Entity);
            entry.State = tracked.State;
            if (tracked.State == EntityState.Deleted) continue; // its values are not saved
            entry.OriginalValues.SetValues(tracked.Original);
            entry.CurrentValues.SetValues(tracked.Current);
        }
    }
}
