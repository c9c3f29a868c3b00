using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace AskPro.Infrastructure.Operations.Backups;

public sealed record BackupFile(string Path, long SizeBytes, string Sha256);

/// <summary>Backs up, restores and drills one database. The steps every provider shares live
/// here (file names, the .sha256 and manifest beside the backup, the comparison); a provider
/// supplies only how to dump, how to restore and how to fingerprint a restored scratch copy.</summary>
public abstract class DatabaseBackup
{
    /// <summary>The backup file's extension, e.g. ".db" or ".dump".</summary>
    public abstract string Extension { get; }

    /// <summary>Writes <c>askpro-{time}{Extension}</c>, its .sha256 and its manifest: the row count
    /// and checksum of every table in the very snapshot the backup copied.</summary>
    public async Task<BackupFile> CreateAsync(string directory, DateTime utcNow, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"askpro-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Extension}");
        var tables = await DumpAsync(path, ct);
        var sha = BackupChecksum.Write(path);
        await BackupManifest.WriteAsync(path, new BackupManifest(utcNow, sha, tables), ct);
        return new BackupFile(path, new FileInfo(path).Length, sha);
    }

    /// <summary>Replaces the configured database with the backup, after checking its .sha256.</summary>
    public async Task RestoreAsync(string backupPath, CancellationToken ct)
    {
        BackupChecksum.Verify(backupPath);
        await RestoreOverLiveAsync(backupPath, ct);
    }

    /// <summary>The restore drill: checksum, restore into a scratch database, compare every table's
    /// rows and checksum with the manifest. The result is stored beside the backup (for the health
    /// page) and returned; a broken backup is a failed drill, not an exception.</summary>
    public async Task<BackupVerification> DrillAsync(string backupPath, DateTime utcNow, CancellationToken ct)
    {
        BackupVerification result;
        try
        {
            BackupChecksum.Verify(backupPath);
            var manifest = await BackupManifest.ReadAsync(backupPath, ct);
            var restored = await FingerprintRestoredCopyAsync(backupPath, ct);
            var differences = TableFingerprint.Differences(manifest.Tables, restored);
            result = differences.Count == 0
                ? BackupVerification.Ok(utcNow, $"{restored.Count} Tabellen, {restored.Values.Sum(t => t.Rows)} Zeilen stimmen überein")
                : BackupVerification.Failed(utcNow, string.Join("; ", differences));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or JsonException or DbException or BackupToolException)
        {
            // The drill exists to find exactly these: its verdict is the result, recorded with the reason.
            result = BackupVerification.Failed(utcNow, e.Message);
        }
        await result.WriteAsync(backupPath, ct);
        return result;
    }

    /// <summary>Dumps into <paramref name="path"/> and returns the fingerprint of what was dumped.</summary>
    protected abstract Task<IReadOnlyDictionary<string, TableFingerprint>> DumpAsync(string path, CancellationToken ct);

    protected abstract Task RestoreOverLiveAsync(string backupPath, CancellationToken ct);

    /// <summary>Restores into a throwaway database, fingerprints it, removes it.</summary>
    protected abstract Task<IReadOnlyDictionary<string, TableFingerprint>> FingerprintRestoredCopyAsync(string backupPath, CancellationToken ct);
}
