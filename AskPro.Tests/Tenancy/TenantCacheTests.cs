using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Caching;
using AskPro.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AskPro.Tests.Tenancy;

/// <summary>The same promises for the in-process cache and for a real Redis.</summary>
public sealed class TenantCacheTests
{
    private static readonly TenantId SalonA = TenantId.From(Guid.NewGuid());
    private static readonly TenantId SalonB = TenantId.From(Guid.NewGuid());

    [Fact]
    public Task Memory_cache_keeps_tenants_apart_and_invalidates_per_tenant() => CheckAsync(null);

    [RedisFact]
    public async Task Redis_cache_keeps_tenants_apart_and_invalidates_per_tenant() =>
        await CheckAsync((await RedisServer.GetAsync()).Configuration);

    [Fact]
    public async Task An_unreachable_Redis_is_a_cache_miss_not_an_error()
    {
        await using var provider = CacheServices($"127.0.0.1:{TestServices.FreePort()},abortConnect=false,connectTimeout=300");
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(SalonA);
        var cache = scope.ServiceProvider.GetRequiredService<ITenantCache>();

        // The database stays the truth: nothing here throws, and nothing is ever served stale.
        await cache.SetAsync("availability", "k", "v", TimeSpan.FromMinutes(1), default);
        Assert.Null(await cache.GetAsync("availability", "k", default));
        await cache.InvalidateAsync("availability", default);
    }

    [RedisFact]
    public async Task After_Redis_restarts_the_cache_reconnects_by_itself()
    {
        var port = TestServices.FreePort();
        var server = RedisServer.StartOwn(port);
        try
        {
            await using var provider = CacheServices($"127.0.0.1:{port},abortConnect=false,connectTimeout=500");
            var redis = provider.GetRequiredService<IConnectionMultiplexer>();
            await WaitUntilConnectedAsync(redis);
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(SalonA);
            var cache = scope.ServiceProvider.GetRequiredService<ITenantCache>();
            await cache.SetAsync("slots", "d", "before", TimeSpan.FromMinutes(5), default);
            Assert.Equal("before", await cache.GetAsync("slots", "d", default));

            server.Dispose(); // Redis goes away: reads are misses, writes are skipped
            await RedisServer.WaitUntilDownAsync(port);
            Assert.Null(await cache.GetAsync("slots", "d", default));

            server = RedisServer.StartOwn(port); // back, empty (no persistence)
            await WaitUntilConnectedAsync(redis);
            await cache.SetAsync("slots", "d", "after", TimeSpan.FromMinutes(5), default);
            Assert.Equal("after", await cache.GetAsync("slots", "d", default));
        }
        finally
        {
            server.Dispose();
        }
    }

    /// <summary>Connected and answering: IsConnected can turn true a moment before the first
    /// command goes through (a CI run saw the first write skipped right after it), so a PING must
    /// succeed too.</summary>
    private static async Task WaitUntilConnectedAsync(IConnectionMultiplexer redis)
    {
        for (var i = 0; i < 300 && !await AnswersAsync(redis); i++) await Task.Delay(100);
        Assert.True(await AnswersAsync(redis), "the client did not (re)connect within 30 s");
    }

    private static async Task<bool> AnswersAsync(IConnectionMultiplexer redis)
    {
        if (!redis.IsConnected) return false;
        try
        {
            await redis.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return false; // not yet: the loop tries again
        }
    }

    /// <summary>The soak's question for the in-process cache: do entries that are never read
    /// again (a call's Cal.com reservation, a past day's availability) leave once expired, or
    /// stay for the life of the process?</summary>
    [Fact]
    public async Task Memory_cache_sweeps_expired_entries_nobody_reads_again_and_the_generations_of_emptied_areas()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var store = new MemoryTenantCache.Store();
        var context = new TenantContext();
        context.UseTenant(SalonA);
        var cache = new MemoryTenantCache(context, clock, store);
        for (var call = 0; call < 500; call++) await cache.SetAsync("calcom-reservations", $"call_{call}", "held", TimeSpan.FromMinutes(2), default);
        for (var day = 0; day < 30; day++)
        {
            await cache.SetAsync($"availability:2026-12-{day + 1:00}", "day", "busy", TimeSpan.FromMinutes(5), default);
            await cache.InvalidateAsync($"availability:2026-12-{day + 1:00}", default); // a booking that day: a generation per area
            await cache.SetAsync($"availability:2026-12-{day + 1:00}", "day", "busy", TimeSpan.FromMinutes(5), default);
        }
        await cache.SetAsync("calcom-event-types", "all", "kept", TimeSpan.FromHours(1), default);
        Assert.Equal(531, store.Entries.Count);
        Assert.Equal(30, store.Generations.Count);

        clock.Now += TimeSpan.FromMinutes(6); // every entry but the event types has expired; none was read
        await cache.SetAsync("calcom-reservations", "call_new", "held", TimeSpan.FromMinutes(2), default);

        Assert.Equal(["calcom-event-types", "calcom-reservations"], store.Entries.Values.Select(e => e.Area.Split(':')[^1]).Order().ToArray());
        Assert.Empty(store.Generations);
        Assert.Equal("kept", await cache.GetAsync("calcom-event-types", "all", default));
        Assert.Equal("held", await cache.GetAsync("calcom-reservations", "call_new", default));
        Assert.Null(await cache.GetAsync("availability:2026-12-01", "day", default));
    }

    [Fact]
    public void Cache_keys_require_a_tenant()
    {
        Assert.Throws<MissingTenantException>(() => TenantCacheKey.For(new TenantContext(), "slots", "2026-11-24"));
        var context = new TenantContext();
        context.UseTenant(SalonA);
        Assert.Equal($"askpro:t:{SalonA.Value:N}:slots:2026-11-24", TenantCacheKey.For(context, "slots", "2026-11-24"));
    }

    /// <summary>The app's cache registration: in-process without <paramref name="redis"/>, Redis with it.</summary>
    private static ServiceProvider CacheServices(string? redis)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = redis }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddAskProCaching(configuration, services.AddHealthChecks());
        return services.BuildServiceProvider();
    }

    private static async Task CheckAsync(string? redis)
    {
        await using var provider = CacheServices(redis);
        if (redis is not null) Assert.True(provider.GetRequiredService<IConnectionMultiplexer>().IsConnected);

        ITenantCache CacheFor(TenantId tenant, IServiceScope scope)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenant);
            return scope.ServiceProvider.GetRequiredService<ITenantCache>();
        }

        using var a = provider.CreateScope();
        using var b = provider.CreateScope();
        var cacheA = CacheFor(SalonA, a);
        var cacheB = CacheFor(SalonB, b);
        await cacheA.SetAsync("slots", "2026-11-24", "A's slots", TimeSpan.FromMinutes(5), default);
        await cacheB.SetAsync("slots", "2026-11-24", "B's slots", TimeSpan.FromMinutes(5), default);
        Assert.Equal("A's slots", await cacheA.GetAsync("slots", "2026-11-24", default));
        Assert.Equal("B's slots", await cacheB.GetAsync("slots", "2026-11-24", default));

        await cacheA.InvalidateAsync("slots", default);
        Assert.Null(await cacheA.GetAsync("slots", "2026-11-24", default));
        Assert.Equal("B's slots", await cacheB.GetAsync("slots", "2026-11-24", default));

        using var none = provider.CreateScope();
        var anonymous = none.ServiceProvider.GetRequiredService<ITenantCache>();
        await Assert.ThrowsAsync<MissingTenantException>(() => anonymous.GetAsync("slots", "2026-11-24", default));
    }
}
