using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace AskPro.Infrastructure.Operations.Backups;

/// <summary>SQLite through its online backup API: a consistent copy while the app keeps writing.</summary>
public sealed class SqliteDatabaseBackup(string connectionString) : DatabaseBackup
{
    public override string Extension => ".db";

    /// <summary>The manifest is computed inside the same read transaction the backup API copies
    /// from, so it describes exactly the snapshot in the file, not the database a moment later.</summary>
    protected override Task<IReadOnlyDictionary<string, TableFingerprint>> DumpAsync(string path, CancellationToken ct)
    {
        using var source = Open(connectionString);
        using var snapshot = source.BeginTransaction(deferred: true);
        var tables = Fingerprint(source, snapshot);
        using (var target = Open($"Data Source={path};Pooling=False"))
        {
            source.BackupDatabase(target);
        }
        snapshot.Commit();
        return Task.FromResult(tables);
    }

    protected override Task RestoreOverLiveAsync(string backupPath, CancellationToken ct)
    {
        CopyInto(backupPath, connectionString);
        return Task.CompletedTask;
    }

    protected override Task<IReadOnlyDictionary<string, TableFingerprint>> FingerprintRestoredCopyAsync(string backupPath, CancellationToken ct)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"askpro-drill-{Guid.NewGuid():N}.db");
        try
        {
            var scratchConnection = $"Data Source={scratch};Pooling=False";
            CopyInto(backupPath, scratchConnection);
            using var copy = Open(scratchConnection);
            return Task.FromResult(Fingerprint(copy, transaction: null));
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    /// <summary>Row counts and checksums of the live database, e.g. to show what a restore brought back.</summary>
    public IReadOnlyDictionary<string, TableFingerprint> FingerprintLive()
    {
        using var connection = Open(connectionString);
        return Fingerprint(connection, transaction: null);
    }

    private static void CopyInto(string backupPath, string targetConnectionString)
    {
        using var source = Open($"Data Source={backupPath};Mode=ReadOnly;Pooling=False");
        using var target = Open(targetConnectionString);
        source.BackupDatabase(target);
    }

    /// <summary>Every table (sqlite_master, so nothing is forgotten when the model grows): each
    /// row rendered as text, the texts sorted, SHA-256 over them.</summary>
    private static IReadOnlyDictionary<string, TableFingerprint> Fingerprint(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        var result = new SortedDictionary<string, TableFingerprint>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\""; // names from sqlite_master, quoted
            var rows = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read()) rows.Add(RowText(reader));
            }
            rows.Sort(StringComparer.Ordinal);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)));
            result[table] = new TableFingerprint(rows.Count, Convert.ToHexStringLower(hash));
        }
        return result;
    }

    private static string RowText(SqliteDataReader reader)
    {
        var values = new string[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? "\\N" : reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
        }
        return string.Join('\u001f', values);
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
