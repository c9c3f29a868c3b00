using System.Collections.Concurrent;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Caching;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>Called number → (company, branch) for numbers this node resolved in the last minute,
/// so a call's every function does not start with a platform read. Cleared on every node when
/// any company's directory (numbers included) changes (<see cref="DirectoryStamp.Topic"/>), and
/// not used while this node may miss that news. Unknown numbers are never cached.</summary>
public sealed class CalledNumberIndex
{
    private const long LifetimeMs = 60_000;
    private readonly ConcurrentDictionary<string, (Guid CompanyId, Guid BranchId, long Expires)> _known = new();
    private readonly INodeChannel _channel;
    private long _clears;

    public CalledNumberIndex(INodeChannel channel)
    {
        _channel = channel;
        channel.Subscribe(DirectoryStamp.Topic, _ => Clear(), Clear);
    }

    /// <summary>Taken before a look-up and handed to <see cref="Remember"/>: a change that
    /// cleared the index during the look-up keeps its possibly stale answer out.</summary>
    public long Version => Interlocked.Read(ref _clears);

    public bool TryGet(E164Number number, out (Guid CompanyId, Guid BranchId) found)
    {
        if (_channel.Listening && _known.TryGetValue(number.Value, out var entry) && entry.Expires > Environment.TickCount64)
        {
            found = (entry.CompanyId, entry.BranchId);
            return true;
        }
        found = default;
        return false;
    }

    public void Remember(E164Number number, (Guid CompanyId, Guid BranchId) found, long versionBeforeLookup)
    {
        if (!_channel.Listening) return;
        _known[number.Value] = (found.CompanyId, found.BranchId, Environment.TickCount64 + LifetimeMs);
        if (Version != versionBeforeLookup) _known.TryRemove(number.Value, out _); // cleared meanwhile
    }

    private void Clear()
    {
        Interlocked.Increment(ref _clears);
        _known.Clear();
    }
}
