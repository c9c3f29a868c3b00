using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Caching;

/// <summary>A PING with a timeout: ready only when Redis answers quickly.</summary>
internal sealed class RedisHealthCheck(ConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var ping = redis.GetDatabase().PingAsync();
            var finished = await Task.WhenAny(ping, Task.Delay(TimeSpan.FromSeconds(2), ct));
            return finished == ping
                ? HealthCheckResult.Healthy($"PING {(await ping).TotalMilliseconds:0.0} ms")
                : HealthCheckResult.Unhealthy("Redis did not answer PING within 2 s.");
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy("Redis is not reachable.", ex);
        }
    }
}
