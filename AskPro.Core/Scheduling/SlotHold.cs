namespace AskPro.Core.Scheduling;

/// <summary>A slot offered to a caller, held for a few minutes so the booking a moment later
/// succeeds; other callers do not see it. Stored per 5-minute granule (like claims) so two
/// calls can never hold overlapping time, on SQLite and PostgreSQL alike.</summary>
public sealed class SlotHold : Shared.TenantEntity
{
    public Guid StaffId { get; set; }
    public DateTime GranuleStartUtc { get; set; }

    /// <summary>The Retell call id of the caller holding it.</summary>
    public required string CallId { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}
