using System.Collections.Concurrent;
using AskPro.Core.Tenancy;

namespace AskPro.Infrastructure.Caching;

/// <summary>Single-node cache. Each (tenant, area) has a generation number; invalidating bumps
/// it, which orphans every older entry at once.</summary>
internal sealed class MemoryTenantCache(ITenantContext tenant, TimeProvider clock, MemoryTenantCache.Store store) : ITenantCache
{
    internal sealed class Store
    {
        /// <summary>How often a write sweeps out the expired entries.</summary>
        public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

        public readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Expires, string Area)> Entries = new();
        public readonly ConcurrentDictionary<string, long> Generations = new();
        private long _nextSweepTicks;

        /// <summary>Removes the expired entries, and the generation numbers of areas left without
        /// entries, at most once per <see cref="SweepEvery"/>. A read removes only the entry it
        /// finds expired: keys that are never read again (a past day's availability, a call's
        /// Cal.com reservation) would otherwise stay for the life of the process. Dropping an
        /// empty area's generation is safe: it only orphans entries, and there are none.</summary>
        public void SweepIfDue(DateTimeOffset now)
        {
            var due = Interlocked.Read(ref _nextSweepTicks);
            if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due) return;
            foreach (var (key, entry) in Entries)
                if (entry.Expires <= now) Entries.TryRemove(new KeyValuePair<string, (string, DateTimeOffset, string)>(key, entry)); // not one rewritten meanwhile
            var areasInUse = Entries.Values.Select(e => e.Area).ToHashSet(StringComparer.Ordinal);
            foreach (var area in Generations.Keys.Where(a => !areasInUse.Contains(a)).ToList()) Generations.TryRemove(area, out _);
        }
    }

    public Task<string?> GetAsync(string area, string key, CancellationToken ct)
    {
        var full = Key(TenantCacheKey.For(tenant, area), key);
        if (store.Entries.TryGetValue(full, out var entry) && entry.Expires > clock.GetUtcNow()) return Task.FromResult<string?>(entry.Value);
        store.Entries.TryRemove(full, out _);
        return Task.FromResult<string?>(null);
    }

    public Task SetAsync(string area, string key, string value, TimeSpan ttl, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var areaKey = TenantCacheKey.For(tenant, area);
        store.Entries[Key(areaKey, key)] = (value, now + ttl, areaKey);
        store.SweepIfDue(now);
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

    private string Key(string areaKey, string key) => $"{areaKey}:g{store.Generations.GetValueOrDefault(areaKey)}:{key}";
}
