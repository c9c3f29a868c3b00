using AskPro.Core.Operations;

namespace AskPro.Core.Directory;

/// <summary>Storage side of the directory (tenant-scoped). Each save loads the record (a new one
/// when the id is null), lets the use case change it — the change returns what is wrong, and then
/// nothing is stored — and stores it with its audit entry (<see cref="AuditEntry.EntityId"/> set
/// to the record's id) in one transaction. Unknown ids, also in the links, are
/// <see cref="DirectoryOutcome.NotFound"/>. Saving drops the company's directory snapshot (and
/// with it what the phone agent knows) through the directory stamp.</summary>
public interface IDirectoryStore
{
    Task<DirectoryOutcome> SaveBranchAsync(Guid? id, Func<Branch, IReadOnlyList<FieldError>> change, AuditEntry audit, CancellationToken ct);

    /// <param name="staffIds">Who performs the service (null: unchanged).</param>
    Task<DirectoryOutcome> SaveServiceAsync(Guid? id, IReadOnlyCollection<Guid>? staffIds, Func<Service, IReadOnlyList<FieldError>> change, AuditEntry audit, CancellationToken ct);

    /// <param name="serviceIds">The services the staff member performs (null: unchanged). The
    /// change sees the staff member with its branch loaded.</param>
    Task<DirectoryOutcome> SaveStaffAsync(Guid? id, IReadOnlyCollection<Guid>? serviceIds, Func<Staff, IReadOnlyList<FieldError>> change, AuditEntry audit, CancellationToken ct);
}
