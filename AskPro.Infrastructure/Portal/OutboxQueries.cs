using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Portal;

/// <summary>An outbox delivery as the inbox page shows it (no payload: events carry ids only,
/// but the page has no need for them).</summary>
public sealed record OutboxRow(Guid Id, string EventType, string Subscriber, InboxStatus Status, int Attempts, DateTime CreatedAt, string? LastError);

/// <summary>The outbox as staff see it: deliveries by status, and the ones that failed.</summary>
public sealed record OutboxSummary(IReadOnlyDictionary<InboxStatus, int> Counts, IReadOnlyList<OutboxRow> Failing);

public interface IOutboxQueries
{
    /// <summary>One company's outbox, or every company's (<paramref name="company"/> null: platform admins).</summary>
    Task<OutboxSummary> SummaryAsync(TenantId? company, CancellationToken ct);
}

/// <summary>The outbox is platform data like the inbox: read in an explicit platform scope and
/// narrowed to the company for a company admin. A short-lived context per call.</summary>
internal sealed class OutboxQueries(IServiceScopeFactory scopes) : IOutboxQueries
{
    public async Task<OutboxSummary> SummaryAsync(TenantId? company, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("inbox page: outbox");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var rows = db.Outbox.AsNoTracking();
        if (company is { } only) rows = rows.Where(m => m.CompanyId == only.Value);
        var counts = await rows.GroupBy(m => m.Status).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        var failing = await rows.Where(m => m.Status == InboxStatus.Dead || m.Status == InboxStatus.Failed)
            .OrderByDescending(m => m.CreatedAt).Take(50)
            .Select(m => new OutboxRow(m.Id, m.EventType, m.Subscriber, m.Status, m.Attempts, m.CreatedAt, m.LastError))
            .ToListAsync(ct);
        return new OutboxSummary(counts, failing);
    }
}
