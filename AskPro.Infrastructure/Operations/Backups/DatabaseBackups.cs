using AskPro.Infrastructure.Persistence;

namespace AskPro.Infrastructure.Operations.Backups;

/// <summary>The one place that picks the backup by provider.</summary>
public static class DatabaseBackups
{
    /// <summary>Null for SQL Server: it is backed up by the server's own schedule (maintenance
    /// plans, managed backups); AskPro makes no copy.</summary>
    public static DatabaseBackup? For(DatabaseOptions database, BackupOptions backup) => database.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDatabaseBackup(database.ConnectionString),
        DatabaseProvider.Postgres => new PostgresDatabaseBackup(database.ConnectionString, backup.PostgresBinDirectory),
        _ => null,
    };
}
