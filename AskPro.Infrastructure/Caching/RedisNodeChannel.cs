using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Caching;

/// <summary>Several nodes: one Redis pub/sub channel carries every node's news as
/// "node|topic|message". This node's own news is delivered locally at once and skipped when
/// Redis echoes it.
/// <para>Pub/sub keeps nothing for a node that is not connected, so the node only counts as
/// listening once it has heard its own probe come back through Redis: then its subscription is
/// live. A lost connection makes it deaf at once (caches bypassed); a probe is sent every half
/// second until it is heard again, and then every subscriber drops what it holds, because news
/// may have been missed meanwhile. The client re-subscribes by itself after a reconnect.</para></summary>
internal sealed class RedisNodeChannel : INodeChannel, IDisposable
{
    private const string ProbeTopic = "probe";
    private static readonly RedisChannel Channel = RedisChannel.Literal("askpro:nodes");
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(500);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisNodeChannel> _logger;
    private readonly NodeSubscribers _subscribers = new();
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _listening;
    private bool _subscribed;

    public RedisNodeChannel(IConnectionMultiplexer redis, ILogger<RedisNodeChannel> logger)
    {
        (_redis, _logger) = (redis, logger);
        _redis.ConnectionFailed += OnConnectionFailed;
        _ = ProbeUntilStoppedAsync();
    }

    public bool Listening => _listening;

    public void Publish(string topic, string message)
    {
        _subscribers.Deliver(topic, message);
        try
        {
            _redis.GetSubscriber().Publish(Channel, $"{_node}|{topic}|{message}", CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            // The other nodes are deaf too (or will be told to drop everything when they hear again).
            _logger.LogWarning(ex, "News on {Topic} not carried to the other nodes", topic);
        }
    }

    public void Subscribe(string topic, Action<string> received, Action missed) => _subscribers.Add(topic, received, missed);

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (!_listening) return;
        _listening = false;
        _logger.LogWarning("Redis connection lost ({FailureType}): this node's caches are bypassed until it hears the other nodes again", e.FailureType);
    }

    private void OnMessage(RedisChannel channel, RedisValue value)
    {
        var parts = value.ToString().Split('|', 3);
        if (parts.Length != 3) return;
        var (node, topic, message) = (parts[0], parts[1], parts[2]);
        if (topic == ProbeTopic)
        {
            if (node == _node && !_listening) Resume();
            return;
        }
        if (node != _node) _subscribers.Deliver(topic, message);
    }

    private void Resume()
    {
        // Drop first, then trust: a cache filled from now on has heard every later change.
        _subscribers.Missed();
        _listening = true;
        _logger.LogInformation("Listening to the other nodes (again); this node's caches were dropped");
    }

    private async Task ProbeUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(ProbeEvery);
        do
        {
            if (_listening) continue;
            try
            {
                var subscriber = _redis.GetSubscriber();
                if (!_subscribed)
                {
                    await subscriber.SubscribeAsync(Channel, OnMessage);
                    _subscribed = true;
                }
                await subscriber.PublishAsync(Channel, $"{_node}|{ProbeTopic}|");
            }
            catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
            {
                // Still away: the next tick tries again.
            }
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try { return await timer.WaitForNextTickAsync(_stopping.Token); }
        catch (OperationCanceledException) { return false; }
    }

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
