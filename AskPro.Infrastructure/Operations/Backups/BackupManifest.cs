using System.Text.Json;

namespace AskPro.Infrastructure.Operations.Backups;

/// <summary><c>{backup}.manifest.json</c>: when the backup was made, its SHA-256 and every
/// table's fingerprint in the snapshot the backup copied (what a drill must get back).</summary>
public sealed record BackupManifest(DateTime CreatedUtc, string Sha256, IReadOnlyDictionary<string, TableFingerprint> Tables)
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathOf(string backupPath) => backupPath + ".manifest.json";

    public static async Task WriteAsync(string backupPath, BackupManifest manifest, CancellationToken ct) =>
        await File.WriteAllTextAsync(PathOf(backupPath), JsonSerializer.Serialize(manifest, Json), ct);

    public static async Task<BackupManifest> ReadAsync(string backupPath, CancellationToken ct)
    {
        if (!File.Exists(PathOf(backupPath)))
            throw new InvalidDataException($"{Path.GetFileName(backupPath)} hat kein Manifest; es gibt nichts, womit die Wiederherstellung verglichen werden kann.");
        return JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(PathOf(backupPath), ct), Json)
               ?? throw new InvalidDataException("Das Manifest ist leer.");
    }
}

/// <summary><c>{backup}.verification.json</c>: the last restore drill's verdict.</summary>
public sealed record BackupVerification(DateTime VerifiedUtc, bool Passed, string Detail)
{
    public static BackupVerification Ok(DateTime at, string detail) => new(at, true, detail);
    public static BackupVerification Failed(DateTime at, string reason) => new(at, false, reason);

    public static string PathOf(string backupPath) => backupPath + ".verification.json";

    public async Task WriteAsync(string backupPath, CancellationToken ct) =>
        await File.WriteAllTextAsync(PathOf(backupPath), JsonSerializer.Serialize(this, BackupManifest.Json), ct);

    public static BackupVerification? TryRead(string backupPath)
    {
        try
        {
            return File.Exists(PathOf(backupPath))
                ? JsonSerializer.Deserialize<BackupVerification>(File.ReadAllText(PathOf(backupPath)), BackupManifest.Json)
                : null;
        }
        catch (JsonException e)
        {
            return Failed(File.GetLastWriteTimeUtc(PathOf(backupPath)), "Die Prüfdatei ist nicht lesbar: " + e.Message);
        }
    }
}
