using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AskPro.Infrastructure.Persistence;

/// <summary>SQLite has one writer at a time. Left to itself, a writer that finds the lock taken
/// sleeps in SQLite's busy handler (1, 2, 5 … 100 ms) and looks again, so it wakes late, and a
/// newcomer that looks first takes the lock before it: under concurrent calls the waiting was the
/// tail of every write (a booking's p95 was ten times its median). This gate queues this
/// process's writers first-come first-served and hands the lock on the moment it is free.
/// <para>Held per context, for the whole of a write: a unit of work's transaction
/// (<see cref="UnitOfWork"/>; SQLite's <c>BEGIN IMMEDIATE</c> takes its lock at the start too), a
/// save outside it, and a bulk statement outside both. Nested writes of the same context are
/// already inside. A writer that waits longer than SQLite's own busy timeout goes on without the
/// gate, to SQLite's lock as before (a unit that writes through a second context while holding
/// the gate would otherwise wait for itself). Other processes on the same file meet SQLite's lock
/// as before.</para></summary>
internal sealed class SqliteWriteGate : DbCommandInterceptor, ISaveChangesInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(SqliteBusyTimeout.Milliseconds);
    private static readonly ConcurrentDictionary<string, Gate> Gates = new();
    private static readonly ConcurrentDictionary<string, Gate?> ByConnectionString = new();
    private readonly ConditionalWeakTable<DbContext, Hold> _holds = new();

    /// <summary>Holds the gate of the context's database until disposed; nothing on other providers.</summary>
    public static async ValueTask<Lease> EnterAsync(DbContext db, CancellationToken ct) =>
        db.Database.IsSqlite() ? await Instance.AcquireAsync(db, ct) : default;

    private async ValueTask<Lease> AcquireAsync(DbContext db, CancellationToken ct)
    {
        var hold = _holds.GetOrCreateValue(db);
        if (hold.Depth++ > 0) return new Lease(this, db);
        try
        {
            hold.Gate = GateOf(db.Database.GetDbConnection()) is { } gate && await gate.WaitAsync(ct) ? gate : null;
        }
        catch
        {
            hold.Depth--;
            throw;
        }
        return new Lease(this, db);
    }

    /// <summary>For EF's synchronous save and statement paths, which block by their nature: the
    /// caller already waits on the database synchronously, so it waits for its turn the same way.</summary>
    private Lease Acquire(DbContext db)
    {
        var hold = _holds.GetOrCreateValue(db);
        if (hold.Depth++ > 0) return new Lease(this, db);
        hold.Gate = GateOf(db.Database.GetDbConnection()) is { } gate && gate.Wait() ? gate : null;
        return new Lease(this, db);
    }

    private void Release(DbContext db)
    {
        if (!_holds.TryGetValue(db, out var hold) || hold.Depth == 0) return;
        if (--hold.Depth > 0) return;
        hold.Gate?.Turn.Release();
        hold.Gate = null;
    }

    /// <summary>How many writers wait at the gate of the context's database (for tests).</summary>
    internal static int WaitingAt(DbContext db) => GateOf(db.Database.GetDbConnection())?.Waiting ?? 0;

    /// <summary>Whether no writer holds the gate of the context's database (for tests).</summary>
    internal static bool IsFree(DbContext db) => GateOf(db.Database.GetDbConnection())?.Turn.CurrentCount == 1;

    /// <summary>One gate per database file; none for an in-memory database (each connection its own).</summary>
    private static Gate? GateOf(DbConnection connection) =>
        ByConnectionString.GetOrAdd(connection.ConnectionString, static connectionString =>
        {
            var source = new SqliteConnectionStringBuilder(connectionString);
            if (source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:") return null;
            return Gates.GetOrAdd(Path.GetFullPath(source.DataSource), _ => new Gate());
        });

    // A save outside a unit of work: from before its first statement until after its commit.

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is { } db) await AcquireAsync(db, ct);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Acquire(db);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        SavedChanges(eventData, result);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db) Release(db);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) { if (eventData.Context is { } db) Release(db); }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) { if (eventData.Context is { } db) Release(db); }

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    // A bulk statement (ExecuteUpdate, ExecuteDelete, ExecuteSql) outside any transaction: for its
    // autocommit. Inside a transaction the transaction's owner holds the lock already.

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (Autocommit(command, eventData) is { } db) await AcquireAsync(db, ct);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (Autocommit(command, eventData) is { } db) Acquire(db);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        NonQueryExecuted(command, eventData, result);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Autocommit(command, eventData) is { } db) Release(db);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Ended(command, eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Ended(command, eventData);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Ended(command, eventData);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken ct = default)
    {
        Ended(command, eventData);
        return Task.CompletedTask;
    }

    private void Ended(DbCommand command, CommandEndEventData eventData)
    {
        if (eventData.ExecuteMethod == DbCommandMethod.ExecuteNonQuery && Autocommit(command, eventData) is { } db) Release(db);
    }

    private static DbContext? Autocommit(DbCommand command, CommandEventData eventData) =>
        command.Transaction is null && eventData.Context is { } db && db.Database.CurrentTransaction is null ? db : null;

    private sealed class Hold
    {
        public int Depth;
        public Gate? Gate;
    }

    /// <summary>One database's turn (async waiters are let in in the order they came) and its queue length.</summary>
    private sealed class Gate
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        private int _waiting;

        public int Waiting => Volatile.Read(ref _waiting);

        public async Task<bool> WaitAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _waiting);
            try { return await Turn.WaitAsync(MaxWait, ct); }
            finally { Interlocked.Decrement(ref _waiting); }
        }

        public bool Wait()
        {
            Interlocked.Increment(ref _waiting);
            try { return Turn.Wait(MaxWait); }
            finally { Interlocked.Decrement(ref _waiting); }
        }
    }

    /// <summary>The caller's share of the gate: disposing it lets the next writer in once the context's last share is gone.</summary>
    public readonly struct Lease(SqliteWriteGate? gate, DbContext? db) : IDisposable
    {
        public void Dispose()
        {
            if (gate is not null && db is not null) gate.Release(db);
        }
    }
}
