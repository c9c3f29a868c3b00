using AskPro.Core.Shared;

namespace AskPro.Core.Operations;

public enum JobOutcome { Running, Succeeded, Failed, NotConfigured }

/// <summary>One run of a scheduled job. Platform data: not owned by a company.</summary>
public sealed class JobRun : Entity
{
    public required string Job { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public JobOutcome Outcome { get; set; } = JobOutcome.Running;
    public string Message { get; set; } = "";
}
