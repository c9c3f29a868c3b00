using AskPro.Core.Booking;
using AskPro.Core.Operations;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AskPro.Infrastructure.Booking;

/// <summary>Every 5 minutes: removes expired holds and expired REST idempotency records of all
/// tenants (the "lock cleanup" job: both are short-lived claims on something).</summary>
[DisallowConcurrentExecution]
public sealed class HoldCleanupJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HoldCleanupJob> logger)
    : RecordedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("hold-cleanup", "scheduling");

    protected override string Name => "HoldCleanupJob";

    protected override async Task<(JobOutcome, string)> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var removed = await services.GetRequiredService<IHoldStore>().RemoveExpiredAsync(ct);
        var keys = await services.GetRequiredService<Access.IdempotentRequestStore>().RemoveExpiredAsync(ct);
        return (JobOutcome.Succeeded, $"{removed} expired hold(s) removed, {keys} expired idempotency record(s) removed");
    }
}
