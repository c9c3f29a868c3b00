using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;

namespace AskPro.Web.Api;

/// <summary>An alternative the API offers for a taken start (CONTRACTS.md: <c>alternatives: [{start, staffId}]</c>).</summary>
public sealed record AlternativeItem(DateTimeOffset Start, string StaffId);

/// <summary>The REST API's questions to the one availability service, with the rules of
/// <see cref="AppointmentSource.Api"/>: who is free at a start when the caller named nobody
/// ("anyone"), and the engine's ranked alternatives around a start that is taken.</summary>
public sealed class ApiSlots(ITenantDirectory directory, FindFreeSlots slots)
{
    /// <summary>The first staff member (by the directory's order) who performs the service and is free at the start, at any branch.</summary>
    public async Task<Guid?> AnyoneFreeAsync(Guid serviceId, DateTime startUtc, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        if (snapshot.Service(serviceId) is not { } service) return null;
        foreach (var branch in snapshot.Branches)
        {
            var staff = snapshot.Performing(branch.Id, service.Id);
            if (staff.Count == 0) continue;
            var day = DayAt(branch, startUtc);
            var free = await slots.RunAsync(new SlotSearch(branch, service, staff, day, snapshot.Company.SlotGridMinutes, Source: AppointmentSource.Api, Days: 1), ct);
            if (free.At(day, startUtc) is { } slot) return slot.StaffId;
        }
        return null;
    }

    /// <summary>Alternatives around a wished start: for the named staff member, or for anyone who
    /// performs the service at that staff member's branch (the first branch offering it when none
    /// is named). <paramref name="moving"/> is the appointment being moved (its own time is free for it).</summary>
    public async Task<IReadOnlyList<AlternativeItem>> AroundAsync(Guid serviceId, Guid? staffId, DateTime startUtc, Guid? moving, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        if (snapshot.Service(serviceId) is not { } service) return [];
        var named = staffId is { } id ? snapshot.StaffMember(id) : null;
        var branch = named is not null ? snapshot.Branch(named.BranchId)
            : snapshot.Branches.FirstOrDefault(b => snapshot.Performing(b.Id, service.Id).Count > 0);
        if (branch is null) return [];
        var staff = named is not null ? [named] : snapshot.Performing(branch.Id, service.Id);
        var day = DayAt(branch, startUtc);
        var free = await slots.RunAsync(new SlotSearch(branch, service, staff, day, snapshot.Company.SlotGridMinutes, ExceptAppointment: moving, Source: AppointmentSource.Api), ct);
        var local = BranchClock.ToLocal(startUtc, branch.TimeZoneId).DateTime;
        return free.Offer(AlternativeWish.At(day, TimeOnly.FromDateTime(local)))
            .Select(s => new AlternativeItem(BranchClock.ToLocal(s.StartUtc, branch.TimeZoneId), s.StaffId.ToString()))
            .ToList();
    }

    private static DateOnly DayAt(Branch branch, DateTime startUtc) => DateOnly.FromDateTime(BranchClock.ToLocal(startUtc, branch.TimeZoneId).DateTime);
}
