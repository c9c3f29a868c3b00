using AskPro.Core.Operations;
using AskPro.Infrastructure.Operations.Backups;
using AskPro.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AskPro.Infrastructure.Operations;

/// <summary>Nightly backup of the configured database (SQLite: online backup API; PostgreSQL:
/// pg_dump -Fc), followed at once by its restore drill; old backups are pruned only after a
/// backup that passed its drill, so a bad night never costs a good copy.</summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackupJob> logger)
    : RecordedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("backup", "operations");
    private readonly TimeProvider _clock = clock;

    protected override string Name => "BackupJob";

    protected override async Task<(JobOutcome, string)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        var backup = DatabaseBackups.For(services.GetRequiredService<IOptions<DatabaseOptions>>().Value, options);
        if (backup is null)
            return (JobOutcome.NotConfigured, "SQL Server wird nach dem eigenen Sicherungsplan des Servers gesichert; AskPro legt keine Kopie an.");
        if (backup is PostgresDatabaseBackup postgres && !postgres.Tools.Available)
            return (JobOutcome.NotConfigured, PostgresTools.NotFound);

        BackupFile file;
        try
        {
            file = await backup.CreateAsync(options.Directory, _clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (BackupToolException e)
        {
            return (JobOutcome.Failed, e.Message);
        }

        var name = Path.GetFileName(file.Path);
        var drill = await backup.DrillAsync(file.Path, _clock.GetUtcNow().UtcDateTime, ct);
        if (!drill.Passed) return (JobOutcome.Failed, $"{name}, {file.SizeBytes} Bytes: Wiederherstellungsprobe fehlgeschlagen: {drill.Detail}");

        var removed = Prune(options.Directory, backup.Extension, options.Keep);
        return (JobOutcome.Succeeded,
            $"{name}, {file.SizeBytes} Bytes, SHA-256 {file.Sha256}; durch Wiederherstellungsprobe geprüft: {drill.Detail}; {removed} alte Sicherung(en) entfernt");
    }

    private static int Prune(string directory, string extension, int keep)
    {
        var old = new DirectoryInfo(directory).GetFiles("askpro-*" + extension).OrderByDescending(f => f.Name).Skip(Math.Max(1, keep)).ToList();
        foreach (var file in old)
        {
            file.Delete();
            foreach (var companion in (string[])[".sha256", ".manifest.json", ".verification.json"]) File.Delete(file.FullName + companion);
        }
        return old.Count;
    }
}
