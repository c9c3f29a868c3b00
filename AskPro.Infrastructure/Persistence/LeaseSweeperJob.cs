using AskPro.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AskPro.Infrastructure.Persistence;

/// <summary>Every 10 seconds (on one node when Quartz is clustered): inbox, outbox and message rows
/// whose lease ran out — their node died and has not come back — go back to Pending, so the
/// inbox page counts them as waiting and any node's worker takes them. One UPDATE per table on
/// the (Status, NextAttemptAt) index, which Status leads, over the few Processing rows; no job
/// run is recorded for a pass that returned nothing (it would be 8,640 rows a day).</summary>
[DisallowConcurrentExecution]
public sealed class LeaseSweeperJob(IServiceScopeFactory scopes, LeaseClaim leases, ILogger<LeaseSweeperJob> logger) : IJob
{
    public static readonly JobKey Key = new("lease-sweeper", "webhooks");
    public const string Cron = "0/10 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("job LeaseSweeperJob");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var returned = 0;
        foreach (var table in LeaseClaim.LeasedRows) returned += await leases.ReturnExpiredAsync(db, table, ct);
        if (returned > 0) logger.LogWarning("{Count} row(s) whose lease ran out returned to Pending (a node stopped without finishing them)", returned);
    }
}
