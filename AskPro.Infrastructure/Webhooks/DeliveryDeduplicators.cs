using AskPro.Core.Webhooks;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>Without Redis the database's unique index alone decides.</summary>
internal sealed class NoDeduplicator : IDeliveryDeduplicator
{
    public Task<bool> MaybeNewAsync(string provider, string eventKey, CancellationToken ct) => Task.FromResult(true);
    public Task StoredAsync(string provider, string eventKey, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Redis check-and-set (Lua, atomic): "done" short-circuits a duplicate before the
/// database; "pending" (30 s) marks one in flight. The key becomes "done" only after the inbox
/// commit, so a crash in between never turns a lost delivery into a "duplicate".</summary>
internal sealed class RedisDeduplicator(IConnectionMultiplexer redis) : IDeliveryDeduplicator
{
    private static readonly LuaScript CheckAndSet = LuaScript.Prepare("""
        if redis.call('GET', @key) == 'done' then return 0 end
        redis.call('SET', @key, 'pending', 'PX', 30000, 'NX')
        return 1
        """);

    public async Task<bool> MaybeNewAsync(string provider, string eventKey, CancellationToken ct)
    {
        try
        {
            return (int)await redis.GetDatabase().ScriptEvaluateAsync(CheckAndSet, new { key = Key(provider, eventKey) }) == 1;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return true; // Redis down: the database decides
        }
    }

    public async Task StoredAsync(string provider, string eventKey, CancellationToken ct)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(Key(provider, eventKey), "done", TimeSpan.FromDays(1));
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            // Only the shortcut is lost; the unique index still refuses the duplicate.
        }
    }

    private static RedisKey Key(string provider, string eventKey) => $"askpro:webhook:{provider}:{eventKey}";
}
