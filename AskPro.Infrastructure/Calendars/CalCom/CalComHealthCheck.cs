using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Each company's Cal.com circuit, on the health page and in /health/detailed: degraded
/// while any company's circuit is open. Not a readiness check: one company's Cal.com outage is
/// no reason to take a node out of the load balancer.</summary>
internal sealed class CalComHealthCheck(CalComCircuits circuits) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var all = circuits.All();
        var open = all.Where(c => c.State != "Closed").ToList();
        var data = all.ToDictionary(c => c.CompanyId.ToString(), c => (object)c.State);
        return Task.FromResult(open.Count == 0
            ? HealthCheckResult.Healthy($"Cal.com: {all.Count} Verbindung(en), alle Circuits geschlossen.", data)
            : HealthCheckResult.Degraded($"Cal.com: Circuit offen für {string.Join(", ", open.Select(c => $"{c.CompanyId} ({c.State}: {c.LastErrors.FirstOrDefault()?.StaffMessage})"))}.", data: data));
    }
}
