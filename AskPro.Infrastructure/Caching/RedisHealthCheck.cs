using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Caching;

/// <summary>Ready only when Redis answers PING. With the client's fail-fast backlog a lost
/// connection fails at once; a slow server fails at the client's async timeout.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return HealthCheckResult.Healthy($"PING {(await redis.GetDatabase().PingAsync()).TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is not reachable.", ex);
        }
    }
}
