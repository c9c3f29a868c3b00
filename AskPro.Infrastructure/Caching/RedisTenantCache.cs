using AskPro.Core.Tenancy;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Caching;

/// <summary>Shared cache for several nodes. Invalidation bumps a per-(tenant, area) generation
/// counter (INCR is atomic), so no key scan is needed and stale entries simply expire.</summary>
internal sealed class RedisTenantCache(ITenantContext tenant, ConnectionMultiplexer redis) : ITenantCache
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<string?> GetAsync(string area, string key, CancellationToken ct)
    {
        var value = await Db.StringGetAsync(await KeyAsync(area, key));
        return value.IsNull ? null : value.ToString();
    }

    public async Task SetAsync(string area, string key, string value, TimeSpan ttl, CancellationToken ct) =>
        await Db.StringSetAsync(await KeyAsync(area, key), value, ttl);

    public async Task InvalidateAsync(string area, CancellationToken ct) =>
        await Db.StringIncrementAsync(TenantCacheKey.For(tenant, area) + ":gen");

    private async Task<string> KeyAsync(string area, string key)
    {
        var areaKey = TenantCacheKey.For(tenant, area);
        var generation = await Db.StringGetAsync(areaKey + ":gen");
        return $"{areaKey}:g{(generation.IsNull ? "0" : generation.ToString())}:{key}";
    }
}
