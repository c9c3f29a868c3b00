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

    /// <summary>PostgreSQL and SQL Server: how often a command or a unit of work
    /// (<see cref="UnitOfWork"/>) is redone after a transient error: a connection the restarted
    /// server dropped, a deadlock victim. Few and quick on purpose: the agent waits at most
    /// <c>Retell:FunctionBudgetSeconds</c> (8 s) for its answer. At least 1: the booking relies on
    /// it to redo a deadlock victim. SQLite never retries (one writer, no dropped connections).</summary>
    [Range(1, 10)] public int RetryCount { get; set; } = DefaultRetryCount;

    /// <summary>The longest pause between two tries (the first retry is immediate, then the
    /// pause roughly doubles from one second, capped here).</summary>
    [Range(0, 30_000)] public int RetryMaxDelayMilliseconds { get; set; } = DefaultRetryMaxDelayMilliseconds;

    public const int DefaultRetryCount = 3;
    public const int DefaultRetryMaxDelayMilliseconds = 1000;
}

/// <summary>How often and how quickly PostgreSQL and SQL Server retry a transient failure (from <see cref="DatabaseOptions"/>).</summary>
public sealed record DatabaseRetries(int Count, TimeSpan MaxDelay)
{
    public static readonly DatabaseRetries Default = new(DatabaseOptions.DefaultRetryCount, TimeSpan.FromMilliseconds(DatabaseOptions.DefaultRetryMaxDelayMilliseconds));
}
