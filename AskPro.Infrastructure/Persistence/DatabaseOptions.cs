using System.ComponentModel.DataAnnotations;

namespace AskPro.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a file path is enough ("Data Source=App_Data/askpro.db").</summary>
    [Required] public string ConnectionString { get; set; } = "Data Source=App_Data/askpro.db";

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long one SQL command may run before it fails (a held lock, an overloaded
    /// server). Below the agent's function budget's order of magnitude on purpose: a stuck
    /// command must end, not pile up connections; the agent's own deadline answers first.</summary>
    [Range(1, 600)] public int CommandTimeoutSeconds { get; set; } = 30;
}
