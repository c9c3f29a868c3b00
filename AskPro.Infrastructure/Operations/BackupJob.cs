using System.Diagnostics;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace AskPro.Infrastructure.Operations;

/// <summary>Nightly backup: SQLite through the online backup API, verified by row counts, the
/// last N kept; PostgreSQL through pg_dump when it is on the PATH.</summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BackupJob> logger)
    : RecordedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("backup", "operations");
    private readonly TimeProvider _clock = clock;

    protected override string Name => "BackupJob";

    protected override async Task<(JobOutcome, string)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var backup = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => BackUpSqlite(database.ConnectionString, backup),
            DatabaseProvider.Postgres => await BackUpPostgresAsync(database.ConnectionString, backup, ct),
            // SQL Server backs itself up (maintenance plans, managed backups); not ours to copy.
            _ => (JobOutcome.NotConfigured, "SQL Server is backed up by the server's own backup schedule; AskPro makes no copy."),
        };
    }

    private (JobOutcome, string) BackUpSqlite(string connectionString, BackupOptions options)
    {
        var file = SqliteBackup.Create(connectionString, options.Directory, _clock.GetUtcNow().UtcDateTime);
        var live = SqliteBackup.RowCounts(connectionString);
        var copy = SqliteBackup.RowCounts($"Data Source={file.Path};Mode=ReadOnly;Pooling=False");
        var differences = live.Where(kv => copy[kv.Key] != kv.Value).Select(kv => $"{kv.Key} {kv.Value}≠{copy[kv.Key]}").ToList();
        if (differences.Count > 0)
            return (JobOutcome.Failed, $"Backup {Path.GetFileName(file.Path)} does not match the database: {string.Join(", ", differences)}");

        var removed = Prune(options.Directory, "*.db", options.Keep);
        return (JobOutcome.Succeeded,
            $"{Path.GetFileName(file.Path)}, {file.SizeBytes} bytes, sha256 {file.Sha256}; verified {live.Count} tables; removed {removed} old backup(s)");
    }

    private async Task<(JobOutcome, string)> BackUpPostgresAsync(string connectionString, BackupOptions options, CancellationToken ct)
    {
        var pgDump = FindOnPath("pg_dump");
        if (pgDump is null) return (JobOutcome.NotConfigured, "pg_dump is not on the PATH; PostgreSQL backups are not configured.");

        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        Directory.CreateDirectory(options.Directory);
        var path = Path.Combine(options.Directory, $"askpro-{_clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.dump");
        var start = new ProcessStartInfo(pgDump)
        {
            ArgumentList = { "--format=custom", "--file", path, "--host", settings.Host ?? "127.0.0.1",
                "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--username", settings.Username ?? "postgres", settings.Database ?? "askpro" },
            RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(settings.Password)) start.Environment["PGPASSWORD"] = settings.Password;
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) return (JobOutcome.Failed, $"pg_dump exited with {process.ExitCode}: {errors}");

        var sha = SqliteBackup.Sha256Of(path);
        await File.WriteAllTextAsync(path + ".sha256", $"{sha}  {Path.GetFileName(path)}\n", ct);
        var removed = Prune(options.Directory, "*.dump", options.Keep);
        return (JobOutcome.Succeeded, $"{Path.GetFileName(path)}, {new FileInfo(path).Length} bytes, sha256 {sha}; removed {removed} old backup(s)");
    }

    private static int Prune(string directory, string pattern, int keep)
    {
        var old = new DirectoryInfo(directory).GetFiles(pattern).OrderByDescending(f => f.Name).Skip(Math.Max(1, keep)).ToList();
        foreach (var file in old)
        {
            file.Delete();
            File.Delete(file.FullName + ".sha256");
        }
        return old.Count;
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
