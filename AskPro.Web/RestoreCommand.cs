using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Operations.Backups;
using AskPro.Infrastructure.Persistence;

namespace AskPro.Web;

/// <summary>dotnet run --project AskPro.Web -- restore &lt;file&gt; --yes
/// Replaces the configured database with a backup (SQLite: the .db copied over the file;
/// PostgreSQL: pg_restore --clean --if-exists of the .dump). Stop the app first.
/// <c>restore &lt;file&gt; --drill</c> only runs the restore drill (scratch database, live data untouched).</summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            Console.Error.WriteLine("Usage: restore <backup-file> --yes | --drill   (the file must exist)");
            return 2;
        }
        var drill = args.Contains("--drill");
        if (!drill && !args.Contains("--yes"))
        {
            Console.Error.WriteLine("Restoring replaces the whole database. Stop the app, then repeat with --yes to confirm (or --drill to only test the backup).");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args.Where(a => a != file && a is not ("--yes" or "--drill")).ToArray());
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var options = builder.Configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var cs = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString);
            if (!Path.IsPathRooted(cs.DataSource)) cs.DataSource = Path.Combine(builder.Environment.ContentRootPath, cs.DataSource);
            database.ConnectionString = cs.ToString();
        }
        var backup = DatabaseBackups.For(database, options);
        if (backup is null)
        {
            Console.Error.WriteLine("SQL Server: restore with the server's own tools (RESTORE DATABASE); AskPro makes no copy.");
            return 2;
        }

        var path = Path.GetFullPath(file);
        if (drill)
        {
            var result = await backup.DrillAsync(path, DateTime.UtcNow, CancellationToken.None);
            Console.WriteLine($"Drill of {Path.GetFileName(path)}: {(result.Passed ? "ok" : "FAILED")}: {result.Detail}");
            return result.Passed ? 0 : 1;
        }
        try
        {
            await backup.RestoreAsync(path, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidDataException or BackupToolException)
        {
            Console.Error.WriteLine($"Not restored: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Restored {Path.GetFileName(path)} into the configured {database.Provider} database.");
        return 0;
    }
}
