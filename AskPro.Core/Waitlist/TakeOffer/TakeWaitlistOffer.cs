using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Waitlist.TakeOffer;

/// <summary>The offer's own slot (<see cref="Alternative"/> null) or one of the alternatives shown after it was taken.</summary>
public sealed record TakeOfferRequest(Guid OfferId, Slot? Alternative, string Actor);

public abstract record TakeOfferOutcome
{
    /// <summary>Booked now, or (<see cref="Already"/>) by an earlier click of the same link.</summary>
    public sealed record Booked(Guid AppointmentId, DateTime StartUtc, bool Already) : TakeOfferOutcome;

    /// <summary>Someone was quicker: the engine's alternatives around the offered time.</summary>
    public sealed record Taken(IReadOnlyList<Slot> Alternatives) : TakeOfferOutcome;

    /// <summary>Expired, withdrawn, or the customer booked through another offer.</summary>
    public sealed record Closed : TakeOfferOutcome;

    public sealed record NotFound : TakeOfferOutcome;
}

/// <summary>A waiting customer clicks the link of an offer: the slot is booked for them through
/// <see cref="Book"/> (first come, first served: the claims decide between everyone offered the
/// same slot), the offer is used and the entry done. A slot taken meanwhile answers with the
/// engine's alternatives, which the same link may book instead.</summary>
public sealed class TakeWaitlistOffer(IWaitlistStore store, IBookingStore appointments, ITenantDirectory directory, Book book, FindFreeSlots slots,
    TimeProvider clock)
{
    public const string Actor = "waitlist";

    public async Task<TakeOfferOutcome> RunAsync(TakeOfferRequest request, CancellationToken ct)
    {
        if (await store.FindOfferAsync(request.OfferId, ct) is not { } found) return new TakeOfferOutcome.NotFound();
        var (offer, entry) = found;
        // Single use: the link's second click shows what its first one booked, and books nothing.
        if (offer is { UsedAt: not null, AppointmentId: { } earlier })
            return new TakeOfferOutcome.Booked(earlier, (await appointments.FindAsync(earlier, ct))?.StartUtc ?? offer.StartUtc, Already: true);
        var now = clock.GetUtcNow().UtcDateTime;
        if (entry.Status != WaitlistStatus.Waiting || offer.ExpiresAt <= now) return new TakeOfferOutcome.Closed();

        var (staffId, startUtc) = request.Alternative is { } alternative ? (alternative.StaffId, alternative.StartUtc) : (offer.StaffId, offer.StartUtc);
        var outcome = await book.RunAsync(new BookRequest(staffId, entry.ServiceId, entry.CustomerId, startUtc, AppointmentSource.Online, request.Actor), ct);
        switch (outcome)
        {
            case BookingOutcome.Booked booked:
                return await TakenByAsync(offer.Id, booked.Appointment, now, ct);
            case BookingOutcome.Pending pending:
                return await TakenByAsync(offer.Id, pending.Appointment, now, ct);
            case BookingOutcome.SlotTaken or BookingOutcome.CalendarRefused { Unavailable: false }
                or BookingOutcome.PolicyViolated { Rule: BookingRule.MinimumNotice or BookingRule.BookingHorizon or BookingRule.OutsideHours }:
                return new TakeOfferOutcome.Taken(await AlternativesAsync(entry, startUtc, ct));
            default:
                return new TakeOfferOutcome.Closed();
        }
    }

    private async Task<TakeOfferOutcome> TakenByAsync(Guid offerId, Appointment appointment, DateTime now, CancellationToken ct)
    {
        await store.MarkTakenAsync(offerId, appointment.Id, now, ct);
        return new TakeOfferOutcome.Booked(appointment.Id, appointment.StartUtc, Already: false);
    }

    /// <summary>Free starts near the offered time for what the customer waits for (their staff member or anyone).</summary>
    private async Task<IReadOnlyList<Slot>> AlternativesAsync(WaitlistEntry entry, DateTime aroundUtc, CancellationToken ct)
    {
        var company = await directory.GetAsync(ct);
        if (company.Branch(entry.BranchId) is not { } branch || company.Service(entry.ServiceId) is not { } service) return [];
        var staff = company.Performing(branch.Id, service.Id).Where(s => entry.StaffId is null || s.Id == entry.StaffId).ToList();
        if (staff.Count == 0) return [];
        var local = BranchClock.ToLocal(aroundUtc, branch.TimeZoneId).DateTime;
        var day = DateOnly.FromDateTime(local);
        var free = await slots.RunAsync(new SlotSearch(branch, service, staff, day, company.Company.SlotGridMinutes, Source: AppointmentSource.Online), ct);
        return free.Offer(AlternativeWish.At(day, TimeOnly.FromDateTime(local)));
    }
}
