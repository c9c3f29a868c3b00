using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Lets SQLite itself wait for the write lock (its busy handler backs off in 1–100 ms
/// steps) instead of failing at once and leaving the retry to the ADO.NET provider, which sleeps
/// 150 ms per attempt: under concurrent bookings that was the whole tail latency. Set through
/// SQLite's C API on every open rather than as a PRAGMA statement: a statement would be parsed
/// and run once per request.</summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    internal const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle;
        SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds), handle);
    }
}
