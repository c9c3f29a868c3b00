using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AskPro.Tests.Operations;

/// <summary>How a new SQLite database file is laid out by the migrator.</summary>
public sealed class SqliteFileTests
{
    [Fact]
    public async Task A_migrated_file_uses_write_ahead_logging()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.True((long)(await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Inbox';"))! == 1);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
