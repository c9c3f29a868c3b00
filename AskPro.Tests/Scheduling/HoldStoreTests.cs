using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Booking;
using AskPro.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace AskPro.Tests.Scheduling;

/// <summary>The hold promises, for the database store and for a real Redis: one call's hold
/// keeps every other call out until it expires; the holder can re-hold; cleanup removes only
/// what expired.</summary>
public sealed class HoldStoreTests
{
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly DateTime Ten = new(2026, 12, 14, 9, 0, 0, DateTimeKind.Utc);
    private static TimeInterval Slot(int minutes) => new(Ten.AddMinutes(minutes), Ten.AddMinutes(minutes + 40));

    [Fact]
    public async Task Database_holds_keep_other_calls_out_until_they_expire()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (salon, _) = await TenantWorld.CreateAsync(database);
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await CheckAsync(() => new DatabaseHoldStore(database.For(salon.Company.Id), clock), clock, async () =>
        {
            await using var platform = database.Platform();
            return await new DatabaseHoldStore(platform, clock).RemoveExpiredAsync(default);
        });
    }

    [Fact]
    public async Task Memory_holds_keep_other_calls_out_until_they_expire()
    {
        var tenant = new TenantContext();
        tenant.UseTenant(TenantId.From(Guid.NewGuid()));
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        var table = new MemoryHoldStore.Table();
        var platform = new TenantContext();
        platform.EnterPlatformScope("test: hold cleanup");
        await CheckAsync(() => new MemoryHoldStore(tenant, table, clock), clock, () => new MemoryHoldStore(platform, table, clock).RemoveExpiredAsync(default));
    }

    [RedisFact]
    public async Task Redis_holds_keep_other_calls_out_until_they_expire()
    {
        var server = await RedisServer.GetAsync();
        using var redis = ConnectionMultiplexer.Connect(server.Configuration);
        var tenant = new TenantContext();
        tenant.UseTenant(TenantId.From(Guid.NewGuid()));
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        var platform = new TenantContext();
        platform.EnterPlatformScope("test: hold cleanup");
        await CheckAsync(() => new RedisHoldStore(redis, tenant, clock, NullLogger<RedisHoldStore>.Instance), clock, () => new RedisHoldStore(redis, platform, clock, NullLogger<RedisHoldStore>.Instance).RemoveExpiredAsync(default));
    }

    private static async Task CheckAsync(Func<IHoldStore> store, FixedClock clock, Func<Task<int>> cleanup)
    {
        var ttl = TimeSpan.FromMinutes(5);
        Assert.Equal(1, await store().HoldAsync("call_a", [new SlotToHold(Anna, Slot(0))], ttl, default));
        Assert.Equal(1, await store().HoldAsync("call_a", [new SlotToHold(Anna, Slot(15))], ttl, default));   // the holder may hold more, overlapping its own
        Assert.Equal(0, await store().HoldAsync("call_b", [new SlotToHold(Anna, Slot(30))], ttl, default));  // overlaps call_a's 10:15–10:55
        Assert.Equal(1, await store().HoldAsync("call_b", [new SlotToHold(Anna, Slot(60))], ttl, default));    // 11:00 is free
        Assert.Equal(1, await store().HoldAsync("call_b", [new SlotToHold(Guid.NewGuid(), Slot(0))], ttl, default)); // another stylist

        // Several slots at once: only those nobody else holds.
        Assert.Equal(1, await store().HoldAsync("call_c", [new SlotToHold(Anna, Slot(0)), new SlotToHold(Anna, Slot(120))], ttl, default));

        var seenByB = await store().HeldByOthersAsync("call_b", [Anna], new TimeInterval(Ten.AddHours(-1), Ten.AddHours(3)), default);
        Assert.Contains(seenByB, h => h.StaffId == Anna && h.Interval.Start == Ten);
        Assert.DoesNotContain(seenByB, h => h.Interval.Start == Ten.AddMinutes(60)); // its own
        Assert.DoesNotContain(await store().HeldByOthersAsync("call_a", [Anna], new TimeInterval(Ten, Ten.AddMinutes(30)), default), h => h.StaffId == Anna);

        clock.Now += TimeSpan.FromMinutes(6);
        Assert.Equal(1, await store().HoldAsync("call_b", [new SlotToHold(Anna, Slot(30))], ttl, default)); // call_a's hold expired
        Assert.True(await cleanup() > 0);
        await store().ReleaseAsync("call_b", default);
        Assert.Empty(await store().HeldByOthersAsync("call_c", [Anna], new TimeInterval(Ten.AddHours(-1), Ten.AddHours(3)), default));
    }
}
