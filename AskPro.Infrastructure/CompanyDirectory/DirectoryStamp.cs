using System.Collections.Concurrent;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Caching;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>The version of each company's directory on this node: a snapshot built at another
/// version is stale. A change anywhere moves it on through the <see cref="INodeChannel"/>, on
/// this node at once and on the others within milliseconds; news possibly missed (Redis was
/// away) moves every company on.</summary>
internal sealed class DirectoryStamp
{
    /// <summary>The topic of "company X's directory changed" (the message is the company id).</summary>
    public const string Topic = "directory";

    private readonly INodeChannel _channel;
    private readonly ConcurrentDictionary<Guid, long> _versions = new();
    private long _epoch;

    public DirectoryStamp(INodeChannel channel)
    {
        _channel = channel;
        channel.Subscribe(Topic, company => _versions.AddOrUpdate(Guid.Parse(company), 1, (_, v) => v + 1), () => Interlocked.Increment(ref _epoch));
    }

    /// <summary>The company's version now, or null while this node may miss news (then nothing
    /// may be kept). Read it before loading: a change during the load makes the result stale.</summary>
    public (long Epoch, long Version)? Read(TenantId company) =>
        _channel.Listening ? (Interlocked.Read(ref _epoch), _versions.GetValueOrDefault(company.Value)) : null;

    /// <summary>Moves the company's version on, on every node. Never blocks: it is called from
    /// EF's synchronous and asynchronous save paths alike.</summary>
    public void Bump(TenantId company) => _channel.Publish(Topic, company.Value.ToString());
}
