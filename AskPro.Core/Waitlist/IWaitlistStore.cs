namespace AskPro.Core.Waitlist;

/// <summary>Storage side of the company's waitlist (tenant-scoped, short-lived contexts).</summary>
public interface IWaitlistStore
{
    /// <summary>The customer's waiting entry for this service and staff choice, if any.</summary>
    Task<WaitlistEntry?> FindWaitingAsync(Guid customerId, Guid serviceId, Guid? staffId, CancellationToken ct);

    Task AddAsync(WaitlistEntry entry, CancellationToken ct);

    /// <summary>Widens a waiting entry's days (the customer asked again for a longer range).</summary>
    Task WidenAsync(Guid entryId, DateOnly fromDay, DateOnly toDay, CancellationToken ct);

    Task<(WaitlistOffer Offer, WaitlistEntry Entry)?> FindOfferAsync(Guid offerId, CancellationToken ct);

    /// <summary>Records that the offer booked <paramref name="appointmentId"/>: the offer is used and its entry done.
    /// False when the offer was used meanwhile (another click of the same link won).</summary>
    Task<bool> MarkTakenAsync(Guid offerId, Guid appointmentId, DateTime at, CancellationToken ct);
}
