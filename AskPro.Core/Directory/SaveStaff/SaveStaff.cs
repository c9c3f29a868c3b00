namespace AskPro.Core.Directory.SaveStaff;

/// <summary>What a company admin enters for a staff member.</summary>
public sealed record StaffDetails(
    string Name,
    Guid BranchId,
    string? Email,
    bool Active,
    IReadOnlyList<WeeklyInterval> WorkingHours,
    IReadOnlyCollection<Guid> ServiceIds);

/// <summary>Creates (no id) or changes a staff member: branch, the services they perform, working
/// hours (several intervals a day; none: whenever the branch is open), active. An active staff
/// member performs at least one service. Invalid input changes nothing; audited.</summary>
public sealed class SaveStaff(IDirectoryStore store, TimeProvider clock)
{
    public Task<DirectoryOutcome> RunAsync(Guid? staffId, StaffDetails details, string actor, CancellationToken ct)
    {
        var errors = Check(details);
        if (errors.Count > 0) return Task.FromResult<DirectoryOutcome>(new DirectoryOutcome.Invalid(errors));
        var audit = DirectoryAudit.Saved(actor, nameof(Staff), staffId, clock.GetUtcNow().UtcDateTime);
        return store.SaveStaffAsync(staffId, details.ServiceIds, staff =>
        {
            staff.Name = details.Name.Trim();
            staff.BranchId = details.BranchId;
            Customers.EmailAddress.TryNormalize(details.Email, out var email);
            staff.Email = email;
            staff.Active = details.Active;
            staff.WorkingHours = [.. details.WorkingHours.OrderBy(h => h.Day).ThenBy(h => h.Opens)];
            return [];
        }, audit, ct);
    }

    public static IReadOnlyList<FieldError> Check(StaffDetails d)
    {
        var errors = new List<FieldError>();
        void Add(FieldError? e) { if (e is not null) errors.Add(e); }
        Add(DirectoryAudit.CheckText(d.Name, "name", "Der Name", 100, "Bitte einen Namen angeben."));
        if (!Customers.EmailAddress.TryNormalize(d.Email, out _)) Add(new("email", "Bitte eine gültige E-Mail-Adresse angeben."));
        if (d.BranchId == Guid.Empty) Add(new("branch", "Bitte eine Filiale wählen."));
        if (d.Active && d.ServiceIds.Count == 0)
            Add(new("services", "Bitte mindestens eine Dienstleistung wählen, die diese Person anbietet."));
        errors.AddRange(WeeklyHours.Check(d.WorkingHours, "workingHours"));
        return errors;
    }
}
