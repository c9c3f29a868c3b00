using System.Collections.Concurrent;
using AskPro.Core.Shared;

namespace AskPro.Infrastructure.CompanyDirectory;

/// <summary>Called number → (company, branch) for numbers this node resolved in the last minute,
/// so a call's every function does not start with a platform read. Cleared at once by
/// <see cref="DirectoryChanges"/> when a number changes on this node; on other nodes an entry
/// lives at most a minute, so a number moved to another company is followed within a minute.
/// Unknown numbers are never cached.</summary>
public sealed class CalledNumberIndex
{
    private const long LifetimeMs = 60_000;
    private readonly ConcurrentDictionary<string, (Guid CompanyId, Guid BranchId, long Expires)> _known = new();

    public bool TryGet(E164Number number, out (Guid CompanyId, Guid BranchId) found)
    {
        if (_known.TryGetValue(number.Value, out var entry) && entry.Expires > Environment.TickCount64)
        {
            found = (entry.CompanyId, entry.BranchId);
            return true;
        }
        found = default;
        return false;
    }

    public void Remember(E164Number number, (Guid CompanyId, Guid BranchId) found) =>
        _known[number.Value] = (found.CompanyId, found.BranchId, Environment.TickCount64 + LifetimeMs);

    public void Clear() => _known.Clear();
}
