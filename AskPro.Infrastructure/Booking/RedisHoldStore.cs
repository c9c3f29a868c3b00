using AskPro.Core.Booking;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Booking;

/// <summary>Holds in Redis: one hash per tenant, a field per (staff, granule) holding
/// "callId|expiresMs". A Lua script checks and writes atomically, so two nodes can never give
/// overlapping holds to two calls. Holds are about fairness between callers, not about double
/// booking (the slot claims decide that): with Redis unreachable nothing is held and nobody's
/// holds are seen, and calls go on — readiness reports Redis down meanwhile.</summary>
internal sealed class RedisHoldStore(IConnectionMultiplexer redis, ITenantContext tenant, TimeProvider clock, ILogger<RedisHoldStore> logger) : IHoldStore
{
    // The granule fields arrive as one space-separated argument (they contain no spaces).
    private static readonly LuaScript HoldScript = LuaScript.Prepare("""
        local now = tonumber(@now)
        local fields = {}
        for field in string.gmatch(@fields, '%S+') do fields[#fields + 1] = field end
        for _, field in ipairs(fields) do
          local v = redis.call('HGET', @holds, field)
          if v then
            local sep = string.find(v, '|', 1, true)
            local owner = string.sub(v, 1, sep - 1)
            local expires = tonumber(string.sub(v, sep + 1))
            if expires > now and owner ~= @callId then return 0 end
          end
        end
        for _, field in ipairs(fields) do redis.call('HSET', @holds, field, @callId .. '|' .. @expires) end
        redis.call('PEXPIRE', @holds, tonumber(@expires) - now + 60000)
        return 1
        """);

    // Removes the call's own fields and every expired one ("" as call id: only expired ones).
    private static readonly LuaScript ReleaseScript = LuaScript.Prepare("""
        local removed = 0
        local all = redis.call('HGETALL', @holds)
        local now = tonumber(@now)
        for i = 1, #all, 2 do
          local v = all[i + 1]
          local sep = string.find(v, '|', 1, true)
          local owner = string.sub(v, 1, sep - 1)
          local expires = tonumber(string.sub(v, sep + 1))
          if owner == @callId or expires <= now then
            redis.call('HDEL', @holds, all[i])
            removed = removed + 1
          end
        end
        return removed
        """);

    private IDatabase Db => redis.GetDatabase();
    private RedisKey Key => TenantCacheKey.For(tenant, "holds");
    private long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<int> HoldAsync(string callId, IReadOnlyList<SlotToHold> slots, TimeSpan ttl, CancellationToken ct)
    {
        var held = 0;
        try
        {
            foreach (var slot in slots)
            {
                var now = NowMs;
                var fields = string.Join(' ', slot.Blocked.Granules(SlotClaim.Granule).Select(g => Field(slot.StaffId, g)));
                held += (int)await Db.ScriptEvaluateAsync(HoldScript, new { holds = Key, callId, now, expires = now + (long)ttl.TotalMilliseconds, fields });
            }
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(ex, "Holds could not be written; the offered slots are not held");
        }
        return held;
    }

    public async Task<IReadOnlyList<BusyTime>> HeldByOthersAsync(string callId, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct)
    {
        var now = NowMs;
        var result = new List<BusyTime>();
        HashEntry[] entries;
        try
        {
            entries = await Db.HashGetAllAsync(Key);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(ex, "Other callers' holds could not be read; offering without them");
            return result;
        }
        foreach (var entry in entries)
        {
            var value = entry.Value.ToString();
            var sep = value.LastIndexOf('|');
            if (value[..sep] == callId || long.Parse(value[(sep + 1)..]) <= now) continue;
            var field = entry.Name.ToString();
            var start = new DateTime(long.Parse(field[33..]), DateTimeKind.Utc);
            var staff = Guid.ParseExact(field[..32], "N");
            if (start < range.Start.AddHours(-12) || start >= range.End || !staffIds.Contains(staff)) continue;
            result.Add(new BusyTime(staff, new TimeInterval(start, start + SlotClaim.Granule)));
        }
        return result;
    }

    public async Task ReleaseAsync(string callId, CancellationToken ct)
    {
        try
        {
            await Db.ScriptEvaluateAsync(ReleaseScript, new { holds = Key, callId, now = NowMs });
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(ex, "Holds could not be released; they expire by themselves");
        }
    }

    /// <summary>Expired fields of every tenant (the job runs in platform scope); whole hashes
    /// also expire by themselves a minute after their last hold.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct)
    {
        var removed = 0;
        foreach (var endpoint in redis.GetEndPoints())
        await foreach (var key in redis.GetServer(endpoint).KeysAsync(pattern: "askpro:t:*:holds").WithCancellation(ct))
            removed += (int)await Db.ScriptEvaluateAsync(ReleaseScript, new { holds = key, callId = "", now = NowMs });
        return removed;
    }

    private static string Field(Guid staffId, DateTime granule) => $"{staffId:N}:{granule.Ticks}";
}
