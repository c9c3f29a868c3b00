using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Tests.Scheduling;

/// <summary>SQLite's writers queue at the gate in the order they came and are let in as soon as
/// the writer before them commits, instead of polling SQLite's lock from its busy handler (where
/// a newcomer could overtake a writer that had waited longest). Every kind of write takes its
/// turn — a unit of work, a save, a bulk statement — and every way a write ends gives it back.</summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = _database.Platform();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE GateOrder (N INTEGER NOT NULL)");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Writers_waiting_behind_a_unit_of_work_commit_in_the_order_they_came()
    {
        await using var holder = _database.Platform();
        var (entered, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        var unit = holder.InTransactionAsync(async ct =>
        {
            await holder.Database.ExecuteSqlRawAsync("INSERT INTO GateOrder VALUES (0)", ct);
            entered.SetResult();
            await release.Task;
        }, committed: null, CancellationToken.None);
        await entered.Task;

        var writers = new List<Task>();
        var contexts = new List<AskProDbContext>();
        for (var n = 1; n <= 5; n++)
        {
            var db = _database.Platform();
            contexts.Add(db);
            var value = n;
            writers.Add(value % 2 == 0
                ? db.Database.ExecuteSqlAsync($"INSERT INTO GateOrder VALUES ({value})") // a bulk statement's autocommit
                : db.InTransactionAsync(ct => db.Database.ExecuteSqlAsync($"INSERT INTO GateOrder VALUES ({value})", ct), committed: null, CancellationToken.None));
            await Eventually.Async($"writer {n} waiting at the gate", () => Task.FromResult(SqliteWriteGate.WaitingAt(holder)), waiting => waiting == value);
        }

        release.SetResult();
        await unit;
        await Task.WhenAll(writers);
        foreach (var db in contexts) await db.DisposeAsync();

        await using var read = _database.Platform();
        Assert.Equal([0, 1, 2, 3, 4, 5], await read.Database.SqlQueryRaw<int>("SELECT N AS Value FROM GateOrder ORDER BY rowid").ToListAsync());
        Assert.True(SqliteWriteGate.IsFree(read));
    }

    [Fact]
    public async Task Writes_nested_in_a_unit_of_work_do_not_wait_for_it_and_every_ending_gives_the_turn_back()
    {
        await using var db = _database.Platform();

        // Nested: a bulk statement and a save inside the unit's transaction, on the same context.
        await db.InTransactionAsync(async ct =>
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO GateOrder VALUES (1)", ct);
            Assert.False(SqliteWriteGate.IsFree(db));
            await db.SaveChangesAsync(ct);
        }, committed: null, CancellationToken.None);
        Assert.True(SqliteWriteGate.IsFree(db));

        // A unit that throws, a statement that fails, a statement cancelled while it waits its turn.
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(_ => throw new InvalidOperationException("unit failed"), committed: null, CancellationToken.None));
        Assert.True(SqliteWriteGate.IsFree(db));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO NoSuchTable VALUES (1)"));
        Assert.True(SqliteWriteGate.IsFree(db));

        await using var holder = _database.Platform();
        var (entered, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        var unit = holder.InTransactionAsync(async _ => { entered.SetResult(); await release.Task; }, committed: null, CancellationToken.None);
        await entered.Task;
        using var cancel = new CancellationTokenSource();
        var waiting = db.Database.ExecuteSqlRawAsync("INSERT INTO GateOrder VALUES (2)", cancel.Token);
        await Eventually.Async("the statement waiting at the gate", () => Task.FromResult(SqliteWriteGate.WaitingAt(db)), n => n == 1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await unit;
        Assert.True(SqliteWriteGate.IsFree(db));

        Assert.Equal([1], await db.Database.SqlQueryRaw<int>("SELECT N AS Value FROM GateOrder ORDER BY rowid").ToListAsync());
    }
}
