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
}
