using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Booking;

/// <summary>A staff member's time to hold: the slot with its buffer.</summary>
public readonly record struct SlotToHold(Guid StaffId, TimeInterval Blocked);

/// <summary>Short holds on offered slots (Redis when configured, else the database).</summary>
public interface IHoldStore
{
    /// <summary>Holds each slot for the call unless another call holds overlapping time (then
    /// that slot is skipped); re-holding extends the call's own hold. Returns how many were held.</summary>
    Task<int> HoldAsync(string callId, IReadOnlyList<SlotToHold> slots, TimeSpan ttl, CancellationToken ct);

    /// <summary>Unexpired holds of other calls on these staff members that overlap <paramref name="range"/>.</summary>
    Task<IReadOnlyList<BusyTime>> HeldByOthersAsync(string callId, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct);

    Task ReleaseAsync(string callId, CancellationToken ct);

    /// <summary>Removes expired holds (the hold-cleanup job, across all tenants).</summary>
    Task<int> RemoveExpiredAsync(CancellationToken ct);
}

/// <summary>The one notification for "the tenant's availability changed" (booked, cancelled,
/// moved — by a call, the portal or a Cal.com webhook): the booking store announces the time
/// that became busy or free, and the tenant's cached availability of those days is dropped.</summary>
public interface IAvailabilityChanged
{
    Task NotifyAsync(IReadOnlyList<TimeInterval> changed, CancellationToken ct);
}
