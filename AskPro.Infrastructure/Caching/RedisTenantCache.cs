using AskPro.Core.Tenancy;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Caching;

/// <summary>Shared cache for several nodes. Invalidation bumps a per-(tenant, area) generation
/// counter (INCR is atomic), so no key scan is needed and stale entries simply expire.
/// The database is the truth and the cache only saves reads: with Redis unreachable a read is a
/// miss, a write is skipped and a dropped invalidation leaves entries that expire with their
/// TTL (slot claims still refuse a taken slot) — readiness reports Redis down meanwhile.</summary>
internal sealed class RedisTenantCache(ITenantContext tenant, IConnectionMultiplexer redis, ILogger<RedisTenantCache> logger) : ITenantCache
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<string?> GetAsync(string area, string key, CancellationToken ct)
    {
        try
        {
            var value = await Db.StringGetAsync(await KeyAsync(area, key));
            return value.IsNull ? null : value.ToString();
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(ex, "Cache read in {Area} failed; reading the database instead", area);
            return null;
        }
    }

    public async Task SetAsync(string area, string key, string value, TimeSpan ttl, CancellationToken ct)
    {
        try
        {
            await Db.StringSetAsync(await KeyAsync(area, key), value, ttl);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(ex, "Cache write in {Area} skipped", area);
        }
    }

    public async Task InvalidateAsync(string area, CancellationToken ct)
    {
        try
        {
            await Db.StringIncrementAsync(TenantCacheKey.For(tenant, area) + ":gen");
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(ex, "Cache invalidation of {Area} failed; its entries expire with their TTL", area);
        }
    }

    private async Task<string> KeyAsync(string area, string key)
    {
        var areaKey = TenantCacheKey.For(tenant, area);
        var generation = await Db.StringGetAsync(areaKey + ":gen");
        return $"{areaKey}:g{(generation.IsNull ? "0" : generation.ToString())}:{key}";
    }
}
