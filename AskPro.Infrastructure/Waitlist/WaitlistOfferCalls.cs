using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Waitlist;
using AskPro.Core.Waitlist.TakeOffer;
using AskPro.Infrastructure.Portal;

namespace AskPro.Infrastructure.Waitlist;

/// <summary>What the offer's page shows: the company, the service, who and when.</summary>
public sealed record OfferView(string CompanyName, string TenantKey, string ServiceName, string StaffName, DateTime StartUtc, string TimeZoneId,
    string Address, bool Open, bool Used);

/// <summary>The public offer page's calls, in the company of the link's token (never the
/// circuit's): the offer as it is now, and taking it through <see cref="TakeWaitlistOffer"/>.</summary>
public sealed class WaitlistOfferCalls(EngineCalls engine, WaitlistLinks links, TimeProvider clock)
{
    public OfferLink? Read(string? token) => links.Read(token);

    public Task<OfferView?> ViewAsync(OfferLink link, CancellationToken ct) =>
        engine.RunForAsync<ITenantDirectory, IWaitlistStore, OfferView?>(link.Company, async (directory, store) =>
        {
            if (await store.FindOfferAsync(link.OfferId, ct) is not { } found) return null;
            var (offer, entry) = found;
            var snapshot = await directory.GetAsync(ct);
            var branch = snapshot.Branch(entry.BranchId);
            var open = offer.UsedAt is null && entry.Status == WaitlistStatus.Waiting && offer.ExpiresAt > clock.GetUtcNow().UtcDateTime;
            return new OfferView(snapshot.Company.Name, snapshot.Company.TenantKey, snapshot.Service(entry.ServiceId)?.Name ?? "",
                snapshot.StaffMember(offer.StaffId)?.Name ?? "", offer.StartUtc, branch?.TimeZoneId ?? snapshot.Company.TimeZoneId,
                branch is null ? "" : Notifications.MessageComposer.AddressOf(branch), open, offer.UsedAt is not null);
        });

    public Task<TakeOfferOutcome> TakeAsync(OfferLink link, Slot? alternative, CancellationToken ct) =>
        engine.RunForAsync<TakeWaitlistOffer, TakeOfferOutcome>(link.Company,
            take => take.RunAsync(new TakeOfferRequest(link.OfferId, alternative, TakeWaitlistOffer.Actor), ct));
}
