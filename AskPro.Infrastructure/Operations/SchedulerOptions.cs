namespace AskPro.Infrastructure.Operations;

public enum JobStore { Memory, Postgres }

/// <summary>Section "Scheduler".</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    public JobStore Store { get; set; } = JobStore.Memory;

    /// <summary>Connection string for the PostgreSQL job store (defaults to the app database's).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Off in tests that drive jobs by hand.</summary>
    public bool Enabled { get; set; } = true;
}
