namespace AskPro.Infrastructure.Caching;

/// <summary>News every node of the installation must hear at once: "company X's directory
/// changed", "company X's appointments changed". What a node keeps in memory (directory
/// snapshots, the called-number index) and what it pushes to open calendars hangs on it, so a
/// change on one node is followed by all of them within milliseconds. One node: in-process
/// (<see cref="InProcessNodeChannel"/>); several nodes: Redis pub/sub (<see cref="RedisNodeChannel"/>).</summary>
public interface INodeChannel
{
    /// <summary>Tells this node's subscribers before returning (so this node never reads its
    /// own stale cache) and the other nodes' as soon as Redis carries it. Never blocks.</summary>
    void Publish(string topic, string message);

    /// <summary><paramref name="received"/> runs for every message on <paramref name="topic"/>,
    /// published here or elsewhere; <paramref name="missed"/> runs when messages may have been
    /// lost (the node heard nothing while Redis was away): the subscriber drops everything it holds.</summary>
    void Subscribe(string topic, Action<string> received, Action missed);

    /// <summary>False while this node may miss other nodes' news (Redis away, or not yet
    /// subscribed): what it keeps in memory must then not be trusted, only the database.</summary>
    bool Listening { get; }
}

/// <summary>One node: the news goes to this process's subscribers only.</summary>
internal sealed class InProcessNodeChannel : INodeChannel
{
    private readonly NodeSubscribers _subscribers = new();

    public bool Listening => true;

    public void Publish(string topic, string message) => _subscribers.Deliver(topic, message);

    public void Subscribe(string topic, Action<string> received, Action missed) => _subscribers.Add(topic, received, missed);
}

/// <summary>The subscribers of one node, by topic.</summary>
internal sealed class NodeSubscribers
{
    private readonly Lock _gate = new();
    private (string Topic, Action<string> Received, Action Missed)[] _all = [];

    public void Add(string topic, Action<string> received, Action missed)
    {
        lock (_gate) _all = [.. _all, (topic, received, missed)];
    }

    public void Deliver(string topic, string message)
    {
        foreach (var subscriber in _all)
            if (subscriber.Topic == topic) subscriber.Received(message);
    }

    public void Missed()
    {
        foreach (var subscriber in _all) subscriber.Missed();
    }
}
