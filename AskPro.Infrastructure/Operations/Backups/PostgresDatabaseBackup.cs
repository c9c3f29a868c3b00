using System.Data;
using Npgsql;

namespace AskPro.Infrastructure.Operations.Backups;

/// <summary>PostgreSQL through pg_dump's custom format (-Fc) and pg_restore.</summary>
public sealed class PostgresDatabaseBackup(string connectionString, string? binDirectory) : DatabaseBackup
{
    private readonly NpgsqlConnectionStringBuilder _server = new(connectionString);

    public override string Extension => ".dump";

    public PostgresTools Tools => new(_server, binDirectory);

    private string Database => _server.Database ?? "askpro";

    /// <summary>A REPEATABLE READ transaction exports its snapshot; the manifest is computed in it
    /// and pg_dump dumps that same snapshot (--snapshot), so both describe one moment exactly.</summary>
    protected override async Task<IReadOnlyDictionary<string, TableFingerprint>> DumpAsync(string path, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot);
        var snapshotId = (string)(await export.ExecuteScalarAsync(ct))!;
        var tables = await FingerprintAsync(connection, snapshot, ct);
        await Tools.RunAsync("pg_dump", Database, ["--format=custom", "--file", path, "--snapshot", snapshotId], ct);
        await snapshot.CommitAsync(ct);
        return tables;
    }

    /// <summary>--clean --if-exists drops what the dump contains before recreating it, in one
    /// transaction: a failed restore leaves the database as it was.</summary>
    protected override Task RestoreOverLiveAsync(string backupPath, CancellationToken ct) =>
        Tools.RunAsync("pg_restore", Database, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", backupPath], ct);

    protected override async Task<IReadOnlyDictionary<string, TableFingerprint>> FingerprintRestoredCopyAsync(string backupPath, CancellationToken ct)
    {
        var scratch = $"askpro_drill_{Guid.NewGuid():N}";
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ToString();
        var scratchConnection = new NpgsqlConnectionStringBuilder(connectionString) { Database = scratch, Pooling = false }.ToString();
        await ExecuteAsync(maintenance, $"CREATE DATABASE \"{scratch}\"", ct); // a generated name, no input
        try
        {
            await Tools.RunAsync("pg_restore", scratch, ["--no-owner", "--exit-on-error", backupPath], ct);
            await using var connection = new NpgsqlConnection(scratchConnection);
            await connection.OpenAsync(ct);
            return await FingerprintAsync(connection, null, ct);
        }
        finally
        {
            await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS \"{scratch}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>Row counts and checksums of the live database, e.g. to show what a restore brought back.</summary>
    public async Task<IReadOnlyDictionary<string, TableFingerprint>> FingerprintLiveAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return await FingerprintAsync(connection, null, ct);
    }

    /// <summary>Every user table: count(*) and md5 over the rows' text in byte order (COLLATE "C",
    /// so the server's locale cannot reorder them).</summary>
    private static async Task<IReadOnlyDictionary<string, TableFingerprint>> FingerprintAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var tables = new List<(string Schema, string Name)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' " +
            "AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) tables.Add((reader.GetString(0), reader.GetString(1)));
        }

        var result = new SortedDictionary<string, TableFingerprint>(StringComparer.Ordinal);
        foreach (var (schema, name) in tables)
        {
            var quoted = $"{Quote(schema)}.{Quote(name)}"; // names from the catalog, quoted
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE \"C\"), '')) FROM {quoted} t",
                connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            result[schema == "public" ? name : $"{schema}.{name}"] = new TableFingerprint(reader.GetInt64(0), reader.GetString(1));
        }
        return result;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
