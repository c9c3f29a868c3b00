using AskPro.Core.Operations;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Every minute: items stuck in Processing past their lease (a node died mid-way) go
/// back to Pending, so nothing acknowledged is lost.</summary>
[DisallowConcurrentExecution]
public sealed class InboxSweeperJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InboxSweeperJob> logger)
    : RecordedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("inbox-sweeper", "webhooks");
    private readonly TimeProvider _clock = clock;

    protected override string Name => "InboxSweeperJob";

    protected override async Task<(JobOutcome, string)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var returned = await services.GetRequiredService<AskProDbContext>().Inbox
            .Where(i => i.Status == InboxStatus.Processing && i.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InboxStatus.Pending).SetProperty(i => i.LeaseUntil, (DateTime?)null), ct);
        return (JobOutcome.Succeeded, $"{returned} item(s) returned to Pending");
    }
}
