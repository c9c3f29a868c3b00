using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Caching;

/// <summary>Healthy when Redis answers PING. With the client's fail-fast backlog a lost
/// connection fails at once; a slow server fails at the client's async timeout. A failure is
/// <see cref="HealthStatus.Degraded"/> (the registration's failure status), not Unhealthy: Redis
/// only saves work, calls keep booking without it, and a Redis shared by every node must not take
/// all of them out of the load balancer at once (readiness answers 200 "Degraded").</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Unreachable = "Redis nicht erreichbar: Caches, Slot-Reservierungen und Duplikaterkennung laufen über die Datenbank; Buchungen gehen weiter.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return HealthCheckResult.Healthy($"PING {(await redis.GetDatabase().PingAsync()).TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, Unreachable, ex);
        }
    }
}
