using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Events;
using AskPro.Core.Notifications;
using AskPro.Core.Scheduling;
using AskPro.Core.Waitlist;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Waitlist;

/// <summary>A cancellation (or a move) frees a slot: the first in line waiting for that service
/// there (with that staff member or anyone) on that day get an offer and a message with its link,
/// first come, first served. Only a slot the engine still finds free is offered; the customer
/// who freed it is not. Rows only, saved with the event's delivery (exactly once); the
/// <see cref="MessageSender"/> sends them.</summary>
public sealed class WaitlistRefill(AskProDbContext db, ITenantDirectory directory, FindFreeSlots slots, WaitlistOptions options, TimeProvider clock) :
    IEventSubscriber<AppointmentCancelled>, IEventSubscriber<AppointmentRescheduled>
{
    public Task HandleAsync(AppointmentCancelled e, CancellationToken ct) => OfferAsync(e, e.AppointmentId, e.StaffId, e.StartUtc, ct);

    public Task HandleAsync(AppointmentRescheduled e, CancellationToken ct) => OfferAsync(e, e.AppointmentId, e.FreedStaffId, e.PreviousStartUtc, ct);

    private async Task OfferAsync(DomainEvent e, Guid appointmentId, Guid staffId, DateTime startUtc, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (e.Actor == CustomerNotices.SeedActor || startUtc <= now) return;
        var freed = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
            .Select(a => new { a.BranchId, a.ServiceId, a.CustomerId }).FirstOrDefaultAsync(ct);
        if (freed is null) return;
        var snapshot = await directory.GetAsync(ct);
        if (snapshot.Branch(freed.BranchId) is not { } branch || snapshot.Service(freed.ServiceId) is not { } service
            || snapshot.StaffMember(staffId) is not { } staff) return;
        var day = DateOnly.FromDateTime(BranchClock.ToLocal(startUtc, branch.TimeZoneId).DateTime);

        var waiting = await db.WaitlistEntries.AsNoTracking()
            .Where(w => w.Status == WaitlistStatus.Waiting && w.BranchId == branch.Id && w.ServiceId == service.Id
                        && (w.StaffId == null || w.StaffId == staffId) && w.FromDay <= day && w.ToDay >= day && w.CustomerId != freed.CustomerId
                        && !db.WaitlistOffers.Any(o => o.EntryId == w.Id && o.StaffId == staffId && o.StartUtc == startUtc))
            .OrderBy(w => w.CreatedAt).Take(Math.Clamp(options.OffersPerSlot, 1, 20)).ToListAsync(ct);
        if (waiting.Count == 0) return;

        // Still free as a customer could book it (notice, hours, buffers, nobody took it meanwhile)?
        var free = await slots.RunAsync(new SlotSearch(branch, service, [staff], day, snapshot.Company.SlotGridMinutes,
            Source: AppointmentSource.Online, Days: 1), ct);
        if (free.At(day, startUtc) is null) return;

        var company = await db.Companies.AsNoTracking().SingleAsync(ct);
        var ids = waiting.Select(w => w.CustomerId).ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var entry in waiting)
        {
            var offer = new WaitlistOffer { EntryId = entry.Id, StaffId = staffId, StartUtc = startUtc, CreatedAt = now, ExpiresAt = startUtc };
            db.WaitlistOffers.Add(offer);
            if (!customers.TryGetValue(entry.CustomerId, out var customer)) continue;
            foreach (var channel in CustomerNotices.ChannelsFor(company, customer, MessageKind.WaitlistOffer))
                db.CustomerMessages.Add(new CustomerMessage
                {
                    Key = CustomerMessage.KeyFor(MessageKind.WaitlistOffer, channel, offer.Id, "offer"), CustomerId = customer.Id, WaitlistOfferId = offer.Id,
                    Kind = MessageKind.WaitlistOffer, Channel = channel, AppointmentStartUtc = startUtc, CreatedAt = now, NextAttemptAt = now,
                });
        }
    }
}
