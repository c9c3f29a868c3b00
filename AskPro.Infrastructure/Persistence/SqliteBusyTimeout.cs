using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Lets SQLite itself wait for the write lock (its busy handler backs off in 1–100 ms
/// steps) instead of failing at once and leaving the retry to the ADO.NET provider, which sleeps
/// 150 ms per attempt: under concurrent bookings that was the whole tail latency.</summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
