using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Portal;

public sealed record InboxRow(
    Guid Id, DateTime ReceivedAt, string Provider, string EventType, InboxStatus Status, int Attempts, string? LastError);

/// <summary>The inbox page's question. <see cref="Company"/> is the viewer's company, or null
/// for platform staff, who see every company's items. Days are the company's (platform staff: Berlin).</summary>
public sealed record InboxQuery(PageRequest Page, TenantId? Company)
{
    public InboxStatus? Status { get; init; }
    public string? Provider { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>The page of items plus the count per status (over all of the viewer's items) and the
/// zone the days and times are shown in.</summary>
public sealed record InboxView(PageOf<InboxRow> Items, IReadOnlyDictionary<InboxStatus, int> Counts, string TimeZoneId);

public interface IInboxQueries
{
    Task<InboxView> PageAsync(InboxQuery query, CancellationToken ct);

    /// <summary>The item's payload with personal data masked; null when the viewer may not see it.</summary>
    Task<string?> MaskedPayloadAsync(Guid id, TenantId? company, CancellationToken ct);
}

internal sealed class InboxQueries(PlatformScope platform) : IInboxQueries
{
    /// <summary>Where platform staff count their days.</summary>
    public const string PlatformZone = "Europe/Berlin";

    public Task<InboxView> PageAsync(InboxQuery query, CancellationToken ct) =>
        platform.ReadAsync("inbox page", async db =>
        {
            var items = Visible(db, query.Company);
            var zone = query.Company is { } company
                ? await db.Companies.Where(c => c.Id == company.Value).Select(c => c.TimeZoneId).FirstAsync(ct)
                : PlatformZone;
            var counts = await items.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

            if (query.Status is { } status) items = items.Where(i => i.Status == status);
            if (query.Provider is { Length: > 0 } provider) items = items.Where(i => i.Provider == provider);
            if (query.From is { } from)
            {
                var start = BranchClock.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
                items = items.Where(i => i.ReceivedAt >= start);
            }
            if (query.To is { } to)
            {
                var end = BranchClock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
                items = items.Where(i => i.ReceivedAt < end);
            }
            var page = await items.OrderByDescending(i => i.ReceivedAt).ThenBy(i => i.Id)
                .Select(i => new InboxRow(i.Id, i.ReceivedAt, i.Provider, i.EventType, i.Status, i.Attempts, i.LastError))
                .ToPageAsync(query.Page, ct);
            return new InboxView(page, Enum.GetValues<InboxStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s)), zone);
        }, ct);

    public Task<string?> MaskedPayloadAsync(Guid id, TenantId? company, CancellationToken ct) =>
        platform.ReadAsync("inbox page: payload", async db =>
        {
            var payload = await Visible(db, company).Where(i => i.Id == id).Select(i => i.Payload).FirstOrDefaultAsync(ct);
            return payload is null ? null : PayloadMasker.Mask(payload);
        }, ct);

    /// <summary>Inbox rows are platform data: a company sees only the items resolved to it.</summary>
    private static IQueryable<InboxItem> Visible(AskProDbContext db, TenantId? company) =>
        company is { } only ? db.Inbox.AsNoTracking().Where(i => i.CompanyId == only.Value) : db.Inbox.AsNoTracking();
}

/// <summary>Puts a dead letter back into the queue (<see cref="InboxReplay"/>, audited) without
/// touching the caller's own tenant.</summary>
public sealed class DeadLetterReplay(PlatformScope platform)
{
    /// <param name="company">The viewer's company, or null for platform staff.</param>
    public Task<bool> ReplayAsync(Guid id, TenantId? company, string actor, CancellationToken ct) =>
        platform.RunAsync("inbox replay", services => services.GetRequiredService<InboxReplay>().ReplayAsync(id, company, actor, ct));

    /// <summary>An outbox delivery whose subscriber gave up, delivered to it again.</summary>
    public Task<bool> ReplayOutboxAsync(Guid id, TenantId? company, string actor, CancellationToken ct) =>
        platform.RunAsync("outbox replay", services => services.GetRequiredService<InboxReplay>().ReplayOutboxAsync(id, company, actor, ct));
}
