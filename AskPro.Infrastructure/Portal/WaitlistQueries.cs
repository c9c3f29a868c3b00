using AskPro.Core.Shared;
using AskPro.Core.Waitlist;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

/// <summary>One waiting customer as staff see it: who, for what, which days, how many freed slots they were offered.</summary>
public sealed record WaitlistRow(Guid Id, string CustomerName, E164Number? Phone, string ServiceName, string? StaffName, DateOnly FromDay, DateOnly ToDay,
    WaitlistStatus Status, DateTime CreatedAt, int Offers);

public interface IWaitlistQueries
{
    /// <summary>The company's waitlist: the waiting first (oldest first, the order offers go out in), then the latest booked.</summary>
    Task<IReadOnlyList<WaitlistRow>> ListAsync(CancellationToken ct);
}

internal sealed class WaitlistQueries(IDbContextFactory<AskProDbContext> contexts) : IWaitlistQueries
{
    public const int MaxRows = 200;

    public async Task<IReadOnlyList<WaitlistRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.WaitlistEntries.AsNoTracking()
            .OrderBy(e => e.Status != WaitlistStatus.Waiting).ThenBy(e => e.CreatedAt).Take(MaxRows)
            .Select(e => new WaitlistRow(e.Id,
                db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.Name).FirstOrDefault() ?? "",
                db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.Phone).FirstOrDefault(),
                db.Services.Where(s => s.Id == e.ServiceId).Select(s => s.Name).FirstOrDefault() ?? "",
                db.Staff.Where(s => s.Id == e.StaffId).Select(s => s.Name).FirstOrDefault(),
                e.FromDay, e.ToDay, e.Status, e.CreatedAt, db.WaitlistOffers.Count(o => o.EntryId == e.Id)))
            .ToListAsync(ct);
        return rows;
    }
}
