namespace AskPro.Core.Booking;

/// <summary>Records the external calendar's id (Cal.com uid) of an appointment AskPro already
/// has: its own booking coming back, or a booking Cal.com renamed when it moved it. Nothing
/// else of the appointment changes, so there is no event.</summary>
public sealed class LinkExternalBooking(IBookingStore store)
{
    public const int MaxUidLength = 128;

    /// <summary>False when the appointment is unknown or the uid is not usable.</summary>
    public Task<bool> RunAsync(Guid appointmentId, string externalUid, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(externalUid) || externalUid.Length > MaxUidLength
            ? Task.FromResult(false)
            : store.SetExternalUidAsync(appointmentId, externalUid, ct);
}
