using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Nodes;

/// <summary>Two nodes of one installation in this test process: two apps (each its own
/// Kestrel, its own memory) on one PostgreSQL database and one redis-server of the test's own,
/// which the test may stop and start by pid. Node A starts first and seeds the demo; B finds it.</summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private ExternalProcess _redis;

    private TwoNodes(ExternalProcess redis, int redisPort, BookingApp a, BookingApp b) => (_redis, RedisPort, A, B) = (redis, redisPort, a, b);

    public BookingApp A { get; }
    public BookingApp B { get; }
    public int RedisPort { get; }

    /// <param name="onlyB">Settings of node B alone, e.g. its outbox dispatcher off so A's delivers.</param>
    public static async Task<TwoNodes> StartAsync(Dictionary<string, string?>? onlyB = null)
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync();
        var port = TestServices.FreePort();
        var redis = RedisServer.StartOwn(port);
        Dictionary<string, string?> settings = new()
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database,
            ["Redis:Configuration"] = $"127.0.0.1:{port},abortConnect=false",
        };
        var a = new BookingApp(settings);
        _ = a.Host.BaseAddress; // started (migrated, seeded) before B comes up
        var b = new BookingApp(new Dictionary<string, string?>(settings.Concat(onlyB ?? [])));
        _ = b.Host.BaseAddress;
        var nodes = new TwoNodes(redis, port, a, b);
        await nodes.WaitUntilListeningAsync();
        return nodes;
    }

    /// <summary>Both nodes hear each other (their node channel's subscription is live).</summary>
    public async Task WaitUntilListeningAsync()
    {
        foreach (var node in new[] { A, B })
        {
            var channel = node.Host.Services.GetRequiredService<Infrastructure.Caching.INodeChannel>();
            await Eventually.Async("the node listens to the others", () => Task.FromResult(channel.Listening), listening => listening, TimeSpan.FromSeconds(15));
        }
    }

    public async Task StopRedisAsync()
    {
        _redis.Dispose();
        await RedisServer.WaitUntilDownAsync(RedisPort);
    }

    public void StartRedis() => _redis = RedisServer.StartOwn(RedisPort);

    /// <summary>A change made on <paramref name="node"/> in the company's own scope, as the portal makes it.</summary>
    public static async Task ChangeAsync(BookingApp node, Guid company, Func<AskProDbContext, Task> change)
    {
        await using var scope = node.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(company));
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        B.Dispose();
        A.Dispose();
        _redis.Dispose();
        await Task.CompletedTask;
    }
}
