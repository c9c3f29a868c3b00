using AskPro.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Persistence;

/// <summary>The sign of life behind the short leases: on start it takes back what a dead
/// incarnation of this node left Processing (a SIGKILL, an OOM kill, a power cut), then every
/// <see cref="LeaseOptions.RenewSeconds"/> it renews the leases this process holds, so work
/// that takes longer than one lease is never claimed by a second node while it runs.</summary>
public sealed class LeaseHeartbeat(IServiceScopeFactory scopes, LeaseClaim leases, LeaseOptions options, ILogger<LeaseHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var tookBack = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!tookBack)
                {
                    var returned = await EachLeasedTableAsync(leases.TakeBackFromDeadIncarnationsAsync, ct);
                    if (returned > 0) logger.LogWarning("Node {Node} took back {Count} row(s) its previous run left Processing", leases.Node.Node, returned);
                    tookBack = true;
                }
                else await EachLeasedTableAsync(leases.RenewAsync, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A lost renewal costs nothing while the next one comes within the lease.
                logger.LogWarning(ex, "Renewing the leases of node {Node} failed; it will try again", leases.Node.Node);
            }
            await Task.Delay(tookBack ? TimeSpan.FromSeconds(options.RenewSeconds) : TimeSpan.FromSeconds(1), ct);
        }
    }

    private async Task<int> EachLeasedTableAsync(Func<AskProDbContext, Type, CancellationToken, Task<int>> statement, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("leases: heartbeat");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var rows = 0;
        foreach (var table in LeaseClaim.LeasedRows) rows += await statement(db, table, ct);
        return rows;
    }
}
