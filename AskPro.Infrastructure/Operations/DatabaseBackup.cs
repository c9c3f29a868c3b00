using System.Globalization;
using System.Security.Cryptography;
using AskPro.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace AskPro.Infrastructure.Operations;

public sealed record BackupFile(string Path, long SizeBytes, string Sha256);

/// <summary>Backs up and restores the SQLite database through SQLite's online backup API (a
/// consistent copy while the app keeps writing), and verifies copies by their row counts.</summary>
public static class SqliteBackup
{
    /// <summary>The tables whose row counts must match between a backup and its source.</summary>
    public static readonly string[] VerifiedTables =
        ["Companies", "Branches", "Staff", "Services", "Customers", "Appointments", "SlotClaims", "Calls", "AspNetUsers"];

    public static BackupFile Create(string connectionString, string directory, DateTime utcNow)
    {
        System.IO.Directory.CreateDirectory(directory);
        var name = $"askpro-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.db";
        var path = System.IO.Path.Combine(directory, name);

        using (var source = Open(connectionString))
        using (var target = Open($"Data Source={path};Pooling=False"))
        {
            source.BackupDatabase(target);
        }

        var sha = Sha256Of(path);
        File.WriteAllText(path + ".sha256", $"{sha}  {name}\n");
        return new BackupFile(path, new FileInfo(path).Length, sha);
    }

    public static IReadOnlyDictionary<string, long> RowCounts(string connectionString)
    {
        using var connection = Open(connectionString);
        var counts = new Dictionary<string, long>();
        foreach (var table in VerifiedTables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\""; // names from the constant list above
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>Copies <paramref name="backupPath"/> over the live database, after checking its
    /// checksum when a .sha256 file lies beside it.</summary>
    public static void Restore(string backupPath, string connectionString)
    {
        var checksumFile = backupPath + ".sha256";
        if (File.Exists(checksumFile))
        {
            var expected = File.ReadAllText(checksumFile).Split(' ', 2)[0].Trim();
            if (!string.Equals(expected, Sha256Of(backupPath), StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("The backup's SHA-256 does not match its .sha256 file; refusing to restore.");
        }

        using var source = Open($"Data Source={backupPath};Mode=ReadOnly;Pooling=False");
        using var target = Open(connectionString);
        source.BackupDatabase(target);
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
