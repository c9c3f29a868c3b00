using AskPro.Core.Waitlist;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Waitlist;

internal sealed class WaitlistStore(IDbContextFactory<AskProDbContext> contexts) : IWaitlistStore
{
    public async Task<WaitlistEntry?> FindWaitingAsync(Guid customerId, Guid serviceId, Guid? staffId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.CustomerId == customerId && e.ServiceId == serviceId && e.StaffId == staffId && e.Status == WaitlistStatus.Waiting)
            .OrderBy(e => e.CreatedAt).FirstOrDefaultAsync(ct);
    }

    public async Task AddAsync(WaitlistEntry entry, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    public async Task WidenAsync(Guid entryId, DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.WaitlistEntries.Where(e => e.Id == entryId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.FromDay, fromDay).SetProperty(e => e.ToDay, toDay), ct);
    }

    public async Task<(WaitlistOffer Offer, WaitlistEntry Entry)?> FindOfferAsync(Guid offerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.WaitlistOffers.AsNoTracking().Where(o => o.Id == offerId)
            .Join(db.WaitlistEntries.AsNoTracking(), o => o.EntryId, e => e.Id, (o, e) => new { Offer = o, Entry = e }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Offer, row.Entry);
    }

    public async Task<bool> MarkTakenAsync(Guid offerId, Guid appointmentId, DateTime at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A lost commit answer is looked up on the offer: redone, the offer would already be used
        // and wrongly answer "taken by someone else".
        return await db.InTransactionAsync(async token =>
        {
            // Only an unused offer: the first click's booking is the one recorded.
            var used = await db.WaitlistOffers.Where(o => o.Id == offerId && o.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.UsedAt, at).SetProperty(o => o.AppointmentId, appointmentId), token);
            if (used == 0) return false;
            var entryId = await db.WaitlistOffers.Where(o => o.Id == offerId).Select(o => o.EntryId).SingleAsync(token);
            await db.WaitlistEntries.Where(e => e.Id == entryId)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, WaitlistStatus.Booked).SetProperty(e => e.AppointmentId, appointmentId), token);
            return true;
        }, token => db.WaitlistOffers.AnyAsync(o => o.Id == offerId && o.AppointmentId == appointmentId, token), ct);
    }
}
