using AskPro.Core.Shared;

namespace AskPro.Core.Scheduling;

/// <summary>Short holds on offered slots (Redis when configured, else the database).</summary>
public interface IHoldStore
{
    /// <summary>Holds <paramref name="blocked"/> of <paramref name="staffId"/> for the call, or
    /// returns false when another call holds overlapping time. Re-holding extends the hold.</summary>
    Task<bool> TryHoldAsync(string callId, Guid staffId, TimeInterval blocked, TimeSpan ttl, CancellationToken ct);

    /// <summary>Unexpired holds of other calls that overlap <paramref name="range"/>.</summary>
    Task<IReadOnlyList<BusyTime>> HeldByOthersAsync(string callId, TimeInterval range, CancellationToken ct);

    Task ReleaseAsync(string callId, CancellationToken ct);

    /// <summary>Removes expired holds (the hold-cleanup job, across all tenants).</summary>
    Task<int> RemoveExpiredAsync(CancellationToken ct);
}

/// <summary>The one notification for "the tenant's availability changed" (booked, cancelled,
/// moved — here or in an external calendar): it drops the tenant's cached availability.</summary>
public interface IAvailabilityChanged
{
    Task NotifyAsync(CancellationToken ct);
}
