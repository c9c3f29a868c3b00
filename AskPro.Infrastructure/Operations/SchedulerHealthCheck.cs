using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AskPro.Infrastructure.Operations;

internal sealed class SchedulerHealthCheck(ISchedulerFactory factory, SchedulerOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!options.Enabled) return HealthCheckResult.Healthy("Scheduler disabled by configuration.");
        var scheduler = await factory.GetScheduler(ct);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"{scheduler.SchedulerName} running")
            : HealthCheckResult.Unhealthy("The scheduler is not running.");
    }
}
