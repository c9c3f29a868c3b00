using System.Collections.Concurrent;
using AskPro.Core.Tenancy;

namespace AskPro.Infrastructure.Caching;

/// <summary>Single-node cache. Each (tenant, area) has a generation number; invalidating bumps
/// it, which orphans every older entry at once.</summary>
internal sealed class MemoryTenantCache(ITenantContext tenant, TimeProvider clock, MemoryTenantCache.Store store) : ITenantCache
{
    internal sealed class Store
    {
        public readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Expires)> Entries = new();
        public readonly ConcurrentDictionary<string, long> Generations = new();
    }

    public Task<string?> GetAsync(string area, string key, CancellationToken ct)
    {
        var full = Key(area, key);
        if (store.Entries.TryGetValue(full, out var entry) && entry.Expires > clock.GetUtcNow()) return Task.FromResult<string?>(entry.Value);
        store.Entries.TryRemove(full, out _);
        return Task.FromResult<string?>(null);
    }

    public Task SetAsync(string area, string key, string value, TimeSpan ttl, CancellationToken ct)
    {
        store.Entries[Key(area, key)] = (value, clock.GetUtcNow() + ttl);
        return Task.CompletedTask;
    }

    public Task InvalidateAsync(string area, CancellationToken ct)
    {
        var areaKey = TenantCacheKey.For(tenant, area);
        store.Generations.AddOrUpdate(areaKey, 1, (_, g) => g + 1);
        foreach (var stale in store.Entries.Keys.Where(k => k.StartsWith(areaKey + ":", StringComparison.Ordinal)))
            store.Entries.TryRemove(stale, out _);
        return Task.CompletedTask;
    }

    private string Key(string area, string key)
    {
        var areaKey = TenantCacheKey.For(tenant, area);
        return $"{areaKey}:g{store.Generations.GetValueOrDefault(areaKey)}:{key}";
    }
}
