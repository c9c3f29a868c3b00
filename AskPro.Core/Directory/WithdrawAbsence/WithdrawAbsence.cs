namespace AskPro.Core.Directory.WithdrawAbsence;

/// <summary>Removes an absence (entered by mistake, vacation cancelled): the time is bookable
/// again. Audited.</summary>
public sealed class WithdrawAbsence(IDirectoryStore store, TimeProvider clock)
{
    public Task<DirectoryOutcome> RunAsync(Guid staffId, Guid absenceId, string actor, CancellationToken ct)
    {
        var audit = DirectoryAudit.Of(actor, nameof(Staff), staffId, "absence-withdraw", clock.GetUtcNow().UtcDateTime);
        return store.SaveStaffAsync(staffId, null, staff =>
        {
            if (staff.Absences.All(a => a.Id != absenceId)) return [new FieldError("absence", "Diese Abwesenheit gibt es nicht (mehr).")];
            staff.Absences = [.. staff.Absences.Where(a => a.Id != absenceId)];
            return [];
        }, audit, ct);
    }
}
