using System.Globalization;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Directory.RecordAbsence;

/// <summary>An absence as the portal enters it: on the branch's clock, the end exclusive (a
/// vacation of 1–5 December is 1 Dec 00:00 to 6 Dec 00:00).</summary>
public sealed record AbsenceDetails(DateTime StartLocal, DateTime EndLocal, AbsenceKind Kind, string? Note);

/// <summary>Enters vacation, sick leave or training for a staff member. From then on the
/// calendar offers nobody that staff member's time in it (phone, API, booking page alike).
/// Appointments already booked then stay: the calendar shows them over the absence, for staff
/// to move. Never overlapping another absence of theirs; audited.</summary>
public sealed class RecordAbsence(IDirectoryStore store, TimeProvider clock)
{
    public const int MaxDays = 366;

    public Task<DirectoryOutcome> RunAsync(Guid staffId, AbsenceDetails details, string actor, CancellationToken ct)
    {
        if (Check(details) is { } invalid) return Task.FromResult<DirectoryOutcome>(new DirectoryOutcome.Invalid(invalid.Field, invalid.Message));
        var audit = DirectoryAudit.Of(actor, nameof(Staff), staffId, "absence-record", clock.GetUtcNow().UtcDateTime);
        audit.Details = details.Kind.ToString(); // the kind only: the note may be about someone's health
        return store.SaveStaffAsync(staffId, null, staff =>
        {
            var zone = staff.Branch?.TimeZoneId ?? "Europe/Berlin";
            var absence = new Absence
            {
                StartUtc = BranchClock.ToUtc(details.StartLocal, zone), EndUtc = BranchClock.ToUtc(details.EndLocal, zone),
                Kind = details.Kind, Note = details.Note?.Trim() ?? "",
            };
            if (staff.Absences.FirstOrDefault(a => a.Interval.Overlaps(absence.Interval)) is { } other)
            {
                var from = BranchClock.ToLocal(other.StartUtc, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
                return [new FieldError("period", $"Überschneidet sich mit einer eingetragenen Abwesenheit (ab {from}).")];
            }
            staff.Absences = [.. staff.Absences, absence];
            return [];
        }, audit, ct);
    }

    private static FieldError? Check(AbsenceDetails d)
    {
        if (d.EndLocal <= d.StartLocal) return new("period", "Das Ende der Abwesenheit muss nach dem Beginn liegen.");
        if ((d.EndLocal - d.StartLocal).TotalDays > MaxDays) return new("period", $"Eine Abwesenheit dauert höchstens {MaxDays} Tage.");
        if (d.StartLocal.Ticks % TimeSpan.TicksPerMinute != 0 || d.EndLocal.Ticks % TimeSpan.TicksPerMinute != 0)
            return new("period", "Beginn und Ende bitte auf die Minute genau.");
        if (!Enum.IsDefined(d.Kind)) return new("kind", "Bitte die Art der Abwesenheit wählen.");
        return DirectoryAudit.CheckText(d.Note, "note", "Die Notiz", 200);
    }
}
