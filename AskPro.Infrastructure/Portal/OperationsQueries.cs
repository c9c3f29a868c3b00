using AskPro.Core.Operations;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Webhooks;

namespace AskPro.Infrastructure.Portal;

/// <summary>The health page's database facts: how far behind the inbox is and each job's last run.</summary>
public sealed record OperationsView(InboxDepth Inbox, IReadOnlyList<JobRun> LastRuns);

public interface IOperationsQueries
{
    Task<OperationsView> ReadAsync(CancellationToken ct);
}

internal sealed class OperationsQueries(PlatformScope platform, TimeProvider clock) : IOperationsQueries
{
    public Task<OperationsView> ReadAsync(CancellationToken ct) =>
        platform.ReadAsync("health page", async db =>
            new OperationsView(await InboxDepth.ReadAsync(db, clock, ct), await RecordedJob.LastRunsAsync(db, ct)), ct);
}
