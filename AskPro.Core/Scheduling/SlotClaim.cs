namespace AskPro.Core.Scheduling;

/// <summary>One granule of a staff member's time taken by an active appointment. The unique
/// index on (staff, granule) is what makes a double booking impossible in the database, on
/// SQLite and PostgreSQL alike: two overlapping appointments would need the same granule.</summary>
public sealed class SlotClaim : Shared.TenantEntity
{
    /// <summary>The claim unit. Appointments are claimed outward to whole granules.</summary>
    public static readonly TimeSpan Granule = TimeSpan.FromMinutes(5);

    public Guid StaffId { get; set; }
    public DateTime GranuleStartUtc { get; set; }
    public Guid AppointmentId { get; set; }
}
