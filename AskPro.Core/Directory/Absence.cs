using AskPro.Core.Shared;

namespace AskPro.Core.Directory;

public enum AbsenceKind { Vacation, SickLeave, Training, Other }

/// <summary>Time a staff member is away (vacation, sick leave, training): nobody can book them
/// then, on any channel that asks the calendar. Instants are UTC; the portal enters them as
/// days or times on the branch's clock.</summary>
public sealed class Absence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public AbsenceKind Kind { get; set; }
    public string Note { get; set; } = "";

    public TimeInterval Interval => new(StartUtc, EndUtc);
}
