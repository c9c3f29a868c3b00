using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Persistence;

namespace AskPro.Web;

/// <summary>dotnet run --project AskPro.Web -- restore &lt;file&gt; --yes
/// Overwrites the configured SQLite database with a backup. Stop the app first.</summary>
public static class RestoreCommand
{
    public static int Run(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            Console.Error.WriteLine("Usage: restore <backup-file> --yes   (the file must exist)");
            return 2;
        }
        if (!args.Contains("--yes"))
        {
            Console.Error.WriteLine("Restoring replaces the whole database. Stop the app, then repeat with --yes to confirm.");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args.Where(a => a != file && a != "--yes").ToArray());
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("Restore of PostgreSQL: use pg_restore with the .dump file (see README).");
            return 2;
        }

        var cs = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
        if (!Path.IsPathRooted(cs.DataSource)) cs.DataSource = Path.Combine(builder.Environment.ContentRootPath, cs.DataSource);
        SqliteBackup.Restore(Path.GetFullPath(file), cs.ToString());
        var counts = SqliteBackup.RowCounts(cs.ToString());
        Console.WriteLine($"Restored {Path.GetFileName(file)} into {cs.DataSource}: " +
                          string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}")));
        return 0;
    }
}
