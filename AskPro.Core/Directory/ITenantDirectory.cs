namespace AskPro.Core.Directory;

/// <summary>What a company offers, as booking reads it on every call: the company, its
/// branches (hours, closures), active services and active staff with the services they
/// perform, and its Cal.com connection. Read-only and shared: never change the objects.</summary>
public sealed record DirectorySnapshot(Company Company, IReadOnlyList<Branch> Branches, IReadOnlyList<Service> Services, IReadOnlyList<Staff> Staff)
{
    /// <summary>The company's active Cal.com connection; null: the built-in calendar.</summary>
    public Calendars.CalComSettings? CalCom { get; init; }

    /// <summary>Staff members whose service is a Cal.com event type of their own.</summary>
    public IReadOnlyList<Calendars.CalComStaffEventType> CalComStaffEventTypes { get; init; } = [];

    /// <summary>The Cal.com event type a staff member's service is booked as: their own where
    /// mapped, else the service's (null: the service cannot be booked in Cal.com).</summary>
    public int? CalComEventTypeFor(Guid serviceId, Guid staffId) =>
        CalComStaffEventTypes.FirstOrDefault(m => m.ServiceId == serviceId && m.StaffId == staffId)?.EventTypeId ?? Service(serviceId)?.CalComEventTypeId;

    public Branch? Branch(Guid id) => Branches.FirstOrDefault(b => b.Id == id);
    public Service? Service(Guid id) => Services.FirstOrDefault(s => s.Id == id);
    public Staff? StaffMember(Guid id) => Staff.FirstOrDefault(s => s.Id == id);

    /// <summary>Active staff of the branch who perform the service, in name order.</summary>
    public IReadOnlyList<Staff> Performing(Guid branchId, Guid serviceId) =>
        Staff.Where(s => s.BranchId == branchId && s.Services.Any(x => x.Id == serviceId)).ToList();
}

/// <summary>The current tenant's directory: cached per company and dropped whenever a company,
/// branch, service, staff member or number changes.</summary>
public interface ITenantDirectory
{
    Task<DirectorySnapshot> GetAsync(CancellationToken ct);
}
