using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace AskPro.Infrastructure.Operations.Backups;

/// <summary>pg_dump / pg_restore failed (exit code and their stderr, which names no secrets). The
/// message is German: the health page shows it as the backup's or the drill's reason.</summary>
public sealed class BackupToolException(string message) : Exception(message);

/// <summary>Runs PostgreSQL's client tools against the configured server. The password goes into
/// the child's PGPASSWORD, never onto its command line (visible in ps) or into a log.</summary>
public sealed class PostgresTools(NpgsqlConnectionStringBuilder server, string? binDirectory)
{
    public static readonly string NotFound =
        "pg_dump/pg_restore nicht gefunden (Backup:PostgresBinDirectory, PATH oder /usr/lib/postgresql/*/bin); PostgreSQL-Datensicherungen sind nicht eingerichtet.";

    /// <summary>The configured directory, else the PATH, else the newest Debian package's bin folder.</summary>
    public string? Find(string tool)
    {
        IEnumerable<string> candidates = binDirectory is { Length: > 0 }
            ? [binDirectory]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Concat(Directory.Exists("/usr/lib/postgresql")
                    ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                    : []);
        return candidates.Where(d => d.Length > 0).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
    }

    public bool Available => Find("pg_dump") is not null && Find("pg_restore") is not null;

    /// <summary>Runs <paramref name="tool"/> (see <see cref="StartInfo"/>); throws with its stderr when it fails.</summary>
    public async Task RunAsync(string tool, string database, IEnumerable<string> arguments, CancellationToken ct)
    {
        using var process = Process.Start(StartInfo(tool, database, arguments)) ?? throw new BackupToolException($"{tool} konnte nicht gestartet werden.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await output;
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new BackupToolException($"{tool} endete mit Code {process.ExitCode}: {errors.Trim()}");
    }

    /// <summary>How <paramref name="tool"/> is started: the given arguments, then the server's host,
    /// port, user and the database as separate arguments (no connection string, which could carry the
    /// password) and --no-password; the password only in the child's environment.</summary>
    public ProcessStartInfo StartInfo(string tool, string database, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Find(tool) ?? throw new BackupToolException(NotFound))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var argument in (string[])["--host", server.Host ?? "127.0.0.1", "--port", server.Port.ToString(CultureInfo.InvariantCulture),
                     "--username", server.Username ?? "postgres", "--no-password", "--dbname", database])
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(server.Password)) start.Environment["PGPASSWORD"] = server.Password;
        return start;
    }
}
