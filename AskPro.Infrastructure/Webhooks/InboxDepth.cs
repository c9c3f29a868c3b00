using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Webhooks;

/// <summary>How far behind the inbox is: items per status and how long the oldest pending item
/// has waited. One read for /metrics, /health/detailed and the health page.</summary>
public sealed record InboxDepth(IReadOnlyDictionary<InboxStatus, int> ByStatus, TimeSpan OldestPending)
{
    /// <summary>Reads all companies' items: the caller must be in platform scope.</summary>
    public static async Task<InboxDepth> ReadAsync(AskProDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var counts = await db.Inbox.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var oldest = await db.Inbox.Where(i => i.Status == InboxStatus.Pending).OrderBy(i => i.ReceivedAt).Select(i => (DateTime?)i.ReceivedAt).FirstOrDefaultAsync(ct);
        var byStatus = Enum.GetValues<InboxStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
        return new InboxDepth(byStatus, oldest is { } o ? clock.GetUtcNow().UtcDateTime - o : TimeSpan.Zero);
    }
}
