using AskPro.Core.Tenancy;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>A version number of a company's directory: a snapshot built at another version is stale.</summary>
internal interface IDirectoryStamp
{
    Task<long> ReadAsync(TenantId company, CancellationToken ct);

    /// <summary>Moves the company's version on (after its directory changed). Never blocks: it is
    /// called from EF's synchronous and asynchronous save paths alike.</summary>
    void Bump(TenantId company);
}

/// <summary>One node: the version lives in memory.</summary>
internal sealed class MemoryDirectoryStamp : IDirectoryStamp
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, long> _versions = new();

    public Task<long> ReadAsync(TenantId company, CancellationToken ct) => Task.FromResult(_versions.GetValueOrDefault(company.Value));

    public void Bump(TenantId company) => _versions.AddOrUpdate(company.Value, 1, (_, v) => v + 1);
}

/// <summary>Several nodes: the version is a Redis counter, so a change on one node makes every
/// node rebuild. Redis unreachable: the snapshot is rebuilt on every read (correct, slower).</summary>
internal sealed class RedisDirectoryStamp(IConnectionMultiplexer redis, ILogger<RedisDirectoryStamp> logger) : IDirectoryStamp
{
    private static RedisKey Key(TenantId company) => TenantCacheKey.For(company, "directory", "stamp");

    public async Task<long> ReadAsync(TenantId company, CancellationToken ct)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(company));
            return value.IsNull ? 0 : (long)value;
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Directory stamp unreadable; reading the directory from the database");
            return Random.Shared.NextInt64(long.MinValue, -1); // never matches a cached stamp
        }
    }

    public void Bump(TenantId company)
    {
        try
        {
            // Fire and forget: commands on one connection run in order, so this node's next read
            // already sees the new version; other nodes see it as soon as Redis has it.
            redis.GetDatabase().StringIncrement(Key(company), flags: CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Directory stamp not moved on; other nodes keep their snapshot until Redis is back");
        }
    }
}
