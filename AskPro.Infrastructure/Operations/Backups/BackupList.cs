namespace AskPro.Infrastructure.Operations.Backups;

/// <summary>One backup as the health page shows it: file facts and the last drill's verdict (no data from inside it).</summary>
public sealed record BackupListEntry(string FileName, DateTime CreatedUtc, long SizeBytes, BackupVerification? Verification);

public static class BackupList
{
    private static readonly string[] Extensions = [".db", ".dump"];

    /// <summary>The backups in <paramref name="directory"/>, newest first.</summary>
    public static IReadOnlyList<BackupListEntry> Read(string directory) =>
        !Directory.Exists(directory)
            ? []
            : new DirectoryInfo(directory).GetFiles("askpro-*")
                .Where(f => Extensions.Contains(f.Extension))
                .OrderByDescending(f => f.Name, StringComparer.Ordinal)
                .Select(f => new BackupListEntry(f.Name, f.LastWriteTimeUtc, f.Length, BackupVerification.TryRead(f.FullName)))
                .ToList();
}
