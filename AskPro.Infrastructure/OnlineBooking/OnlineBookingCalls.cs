using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Portal;

namespace AskPro.Infrastructure.OnlineBooking;

/// <summary>What the booking page offers: bookable services per branch and who performs them.</summary>
public sealed record OnlineCatalog(IReadOnlyList<OnlineBranch> Branches);

public sealed record OnlineBranch(Guid Id, string Name, string Address, string TimeZoneId, IReadOnlyList<OnlineService> Services);

public sealed record OnlineService(Guid Id, string Name, int DurationMinutes, long PriceCents, IReadOnlyList<OnlineStaff> Staff);

public sealed record OnlineStaff(Guid Id, string Name);

/// <summary>A visitor's choice so far: a service at a branch, a staff member or anyone (null).</summary>
public sealed record OnlineWish(Guid BranchId, Guid ServiceId, Guid? StaffId);

/// <summary>What booking from the page came to.</summary>
public abstract record OnlineBookingResult
{
    public sealed record Booked(Appointment Appointment) : OnlineBookingResult;

    /// <summary>Someone else got the time first: the engine's alternatives around it.</summary>
    public sealed record Taken(IReadOnlyList<Slot> Alternatives) : OnlineBookingResult;

    /// <summary>A field the visitor typed is not acceptable (name, phone, email).</summary>
    public sealed record Invalid(string Field) : OnlineBookingResult;

    /// <summary>The engine or the calendar said no for another reason; nothing was booked.</summary>
    public sealed record Refused : OnlineBookingResult;
}

/// <summary>The online booking page's calls into the booking engine, in the company of the URL
/// (never the circuit's): the same availability, holds and Book as the phone agent, with the
/// customer rules of <see cref="AppointmentSource.Online"/>. <paramref name="holder"/> is the
/// visitor's page: the slot they picked is held for them while they type, and others don't see it.</summary>
public sealed class OnlineBookingCalls(EngineCalls engine)
{
    /// <summary>Days looked at per page of the day picker.</summary>
    public const int DaysPerPage = 14;

    public Task<OnlineCatalog> CatalogAsync(TenantId company, CancellationToken ct) =>
        engine.RunForAsync<ITenantDirectory, OnlineCatalog>(company, async directory =>
        {
            var snapshot = await directory.GetAsync(ct);
            var branches = snapshot.Branches.OrderBy(b => b.Name).Select(b => new OnlineBranch(b.Id, b.Name, Notifications.MessageComposer.AddressOf(b), b.TimeZoneId,
                    snapshot.Services.OrderBy(s => s.Name)
                        .Select(s => new OnlineService(s.Id, s.Name, s.DurationMinutes, s.Price.Cents, snapshot.Performing(b.Id, s.Id).OrderBy(x => x.Name).Select(x => new OnlineStaff(x.Id, x.Name)).ToList()))
                        .Where(s => s.Staff.Count > 0).ToList()))
                .Where(b => b.Services.Count > 0).ToList();
            return new OnlineCatalog(branches);
        });

    /// <summary>The days from <paramref name="fromDay"/> on (one page of the picker) with at least one free start.</summary>
    public async Task<IReadOnlyList<DateOnly>> DaysWithTimeAsync(TenantId company, OnlineWish wish, DateOnly fromDay, string holder, CancellationToken ct)
    {
        var free = await FreeAsync(company, wish, fromDay, holder, ct);
        if (free is null) return [];
        return Enumerable.Range(0, DaysPerPage).Select(fromDay.AddDays).Where(d => free.On(d).Count > 0).ToList();
    }

    public async Task<IReadOnlyList<Slot>> SlotsOnAsync(TenantId company, OnlineWish wish, DateOnly day, string holder, CancellationToken ct) =>
        (await FreeAsync(company, wish, day, holder, ct, days: 1))?.On(day) ?? [];

    /// <summary>The engine's alternatives around a start that was taken or refused (the same ranking as on the phone).</summary>
    public Task<IReadOnlyList<Slot>> AlternativesAsync(TenantId company, OnlineWish wish, DateTime startUtc, string holder, CancellationToken ct) =>
        engine.RunForAsync<ITenantDirectory, FindFreeSlots, IReadOnlyList<Slot>>(company, async (directory, slots) =>
        {
            var snapshot = await directory.GetAsync(ct);
            var day = DayOf(startUtc, snapshot, wish);
            var free = await SearchAsync(slots, snapshot, wish, day, holder, SlotSearch.SearchDays, ct);
            return free is null ? [] : Alternatives(free, startUtc, day, snapshot, wish);
        });

    /// <summary>Holds the picked start for the visitor (and only that one): the slot held, with the
    /// staff member who will take it, or null when someone else holds or took it meanwhile.</summary>
    public Task<Slot?> HoldAsync(TenantId company, OnlineWish wish, DateTime startUtc, string holder, CancellationToken ct) =>
        engine.RunForAsync<ITenantDirectory, FindFreeSlots, Slot?>(company, async (directory, slots) =>
        {
            var snapshot = await directory.GetAsync(ct);
            if (snapshot.Service(wish.ServiceId) is not { } service) return null;
            await slots.ReleaseAsync(holder, ct);
            var day = DayOf(startUtc, snapshot, wish);
            var free = await SearchAsync(slots, snapshot, wish, day, holder, 1, ct);
            if (free?.At(day, startUtc) is not { } slot) return null;
            await slots.HoldAsync(holder, service, [slot], ct);
            return slot;
        });

    public Task ReleaseAsync(TenantId company, string holder, CancellationToken ct) =>
        engine.RunForAsync<FindFreeSlots, bool>(company, async slots =>
        {
            await slots.ReleaseAsync(holder, ct);
            return true;
        });

    /// <summary>Books the picked start through the engine: still free for this visitor (their own
    /// hold aside), the customer found or created by the one rule set, the confirmation sent by
    /// the engine's event. A start taken meanwhile answers with the engine's alternatives.</summary>
    public Task<OnlineBookingResult> BookAsync(TenantId company, OnlineWish wish, Slot slot, CustomerContact contact, string holder, CancellationToken ct) =>
        engine.RunForAsync<ITenantDirectory, FindFreeSlots, OnlineBookingResult>(company, async (directory, slots) =>
        {
            var snapshot = await directory.GetAsync(ct);
            var day = DayOf(slot.StartUtc, snapshot, wish);
            var free = await SearchAsync(slots, snapshot, wish, day, holder, 1, ct);
            if (free is null) return new OnlineBookingResult.Refused();
            // The staff member it was held for, or (anyone) whoever else is free then.
            var held = wish.StaffId is null ? await SearchAsync(slots, snapshot, wish with { StaffId = slot.StaffId }, day, holder, 1, ct) : null;
            if ((held?.At(day, slot.StartUtc) ?? free.At(day, slot.StartUtc)) is not { } now) return Taken(free, slot.StartUtc, day, snapshot, wish);

            var outcome = await engine.RunForAsync<Book, BookingOutcome>(company, book => book.RunAsync(
                new BookRequest(now.StaffId, wish.ServiceId, Guid.Empty, slot.StartUtc, AppointmentSource.Online, "online", Contact: contact), ct));
            switch (outcome)
            {
                case BookingOutcome.Booked booked:
                    await slots.ReleaseAsync(holder, ct);
                    return new OnlineBookingResult.Booked(booked.Appointment);
                case BookingOutcome.Pending pending:
                    await slots.ReleaseAsync(holder, ct);
                    return new OnlineBookingResult.Booked(pending.Appointment);
                case BookingOutcome.Rejected rejected when rejected.Reason.StartsWith("customer.", StringComparison.Ordinal):
                    return new OnlineBookingResult.Invalid(rejected.Reason["customer.".Length..].Split(':')[0]);
                case BookingOutcome.SlotTaken or BookingOutcome.CalendarRefused { Unavailable: false }
                    or BookingOutcome.PolicyViolated { Rule: BookingRule.MinimumNotice or BookingRule.BookingHorizon or BookingRule.OutsideHours }:
                    await slots.ReleaseAsync(holder, ct);
                    var fresh = await SearchAsync(slots, snapshot, wish, day, holder, SlotSearch.SearchDays, ct);
                    return fresh is null ? new OnlineBookingResult.Refused() : Taken(fresh, slot.StartUtc, day, snapshot, wish);
                default:
                    return new OnlineBookingResult.Refused();
            }
        });

    private static OnlineBookingResult Taken(FreeSlots free, DateTime startUtc, DateOnly day, DirectorySnapshot snapshot, OnlineWish wish) =>
        new OnlineBookingResult.Taken(Alternatives(free, startUtc, day, snapshot, wish));

    private static IReadOnlyList<Slot> Alternatives(FreeSlots free, DateTime startUtc, DateOnly day, DirectorySnapshot snapshot, OnlineWish wish)
    {
        var zone = snapshot.Branch(wish.BranchId)?.TimeZoneId ?? snapshot.Company.TimeZoneId;
        var local = BranchClock.ToLocal(startUtc, zone).DateTime;
        return free.Offer(AlternativeWish.At(day, TimeOnly.FromDateTime(local)));
    }

    private Task<FreeSlots?> FreeAsync(TenantId company, OnlineWish wish, DateOnly fromDay, string holder, CancellationToken ct, int days = DaysPerPage) =>
        engine.RunForAsync<ITenantDirectory, FindFreeSlots, FreeSlots?>(company, async (directory, slots) =>
            await SearchAsync(slots, await directory.GetAsync(ct), wish, fromDay, holder, days, ct));

    /// <summary>The engine's free slots for the wish, or null when the wish names something the company does not offer (a tampered id).</summary>
    private static async Task<FreeSlots?> SearchAsync(FindFreeSlots slots, DirectorySnapshot snapshot, OnlineWish wish, DateOnly fromDay, string holder, int days, CancellationToken ct)
    {
        if (snapshot.Branch(wish.BranchId) is not { } branch || snapshot.Service(wish.ServiceId) is not { } service) return null;
        var staff = snapshot.Performing(branch.Id, service.Id).Where(s => wish.StaffId is null || s.Id == wish.StaffId).ToList();
        if (staff.Count == 0) return null;
        return await slots.RunAsync(new SlotSearch(branch, service, staff, fromDay, snapshot.Company.SlotGridMinutes, Holder: holder,
            Source: AppointmentSource.Online, Days: days), ct);
    }

    private static DateOnly DayOf(DateTime startUtc, DirectorySnapshot snapshot, OnlineWish wish) =>
        DateOnly.FromDateTime(BranchClock.ToLocal(startUtc, snapshot.Branch(wish.BranchId)?.TimeZoneId ?? snapshot.Company.TimeZoneId).DateTime);
}
