using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>One audit entry as people read it: the actor as the user's e-mail address when the
/// actor is a portal user (entries store the user id), else as written ("system", "api:…"). Init
/// properties (not a positional record) so that the filters after the projection still translate to SQL.</summary>
public sealed record AuditRow
{
    public Guid Id { get; init; }
    public DateTime At { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string? EntityId { get; init; }
    public string Details { get; init; } = "";
}

/// <summary>The audit log's question. Days are the company's calendar days (its zone), both ends included.</summary>
public sealed record AuditQuery(PageRequest Page)
{
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Text { get; init; }
}

public interface IAuditQueries
{
    Task<PageOf<AuditRow>> PageAsync(AuditQuery query, CancellationToken ct);

    /// <summary>The kinds of entries the company has, for the filter.</summary>
    Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct);

    /// <summary>The entries a filter matches, newest first, for the CSV export (at most <paramref name="limit"/>).</summary>
    IAsyncEnumerable<AuditRow> AllAsync(AuditQuery query, int limit, CancellationToken ct);
}

internal sealed class AuditQueries(IDbContextFactory<AskProDbContext> contexts) : IAuditQueries
{
    public async Task<PageOf<AuditRow>> PageAsync(AuditQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (await FilteredAsync(db, query, ct)).ToPageAsync(query.Page, ct);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    public async IAsyncEnumerable<AuditRow> AllAsync(AuditQuery query, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var row in (await FilteredAsync(db, query, ct)).Take(limit).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    private static async Task<IOrderedQueryable<AuditRow>> FilteredAsync(AskProDbContext db, AuditQuery query, CancellationToken ct)
    {
        // Identity's users are not tenant data; the join only names the actors of this company's entries.
        var rows = from a in db.AuditEntries.AsNoTracking()
                   join u in db.Users on a.Actor equals u.Id into users
                   from u in users.DefaultIfEmpty()
                   select new AuditRow
                   {
                       Id = a.Id, At = a.At, Actor = u != null && u.Email != null ? u.Email : a.Actor, Action = a.Action,
                       EntityType = a.EntityType, EntityId = a.EntityId, Details = a.Details,
                   };
        if (query.Actor?.Trim() is { Length: > 0 } actor)
            rows = rows.Where(r => EF.Functions.Like(r.Actor.ToLower(), TextMatch.Contains(actor), TextMatch.Escape));
        if (query.Action?.Trim() is { Length: > 0 } action) rows = rows.Where(r => r.Action == action);
        if (query.From is not null || query.To is not null)
        {
            var zone = await db.Companies.Select(c => c.TimeZoneId).FirstAsync(ct);
            if (query.From is { } from)
            {
                var start = BranchClock.DayOf(from, zone).ToUtc(TimeSpan.Zero);
                rows = rows.Where(r => r.At >= start);
            }
            if (query.To is { } to)
            {
                var end = BranchClock.DayOf(to.AddDays(1), zone).ToUtc(TimeSpan.Zero);
                rows = rows.Where(r => r.At < end);
            }
        }
        if (query.Text?.Trim() is { Length: > 0 } text)
        {
            var pattern = TextMatch.Contains(text);
            rows = rows.Where(r => EF.Functions.Like(r.Details.ToLower(), pattern, TextMatch.Escape)
                                   || EF.Functions.Like(r.EntityType.ToLower(), pattern, TextMatch.Escape)
                                   || (r.EntityId != null && EF.Functions.Like(r.EntityId.ToLower(), pattern, TextMatch.Escape)));
        }
        return rows.OrderByDescending(r => r.At).ThenBy(r => r.Id);
    }
}
