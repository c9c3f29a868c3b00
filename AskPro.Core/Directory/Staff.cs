using AskPro.Core.Shared;

namespace AskPro.Core.Directory;

/// <summary>A person who performs services at one branch.</summary>
public sealed class Staff : TenantEntity
{
    public required string Name { get; set; }
    public Guid BranchId { get; set; }
    public Branch? Branch { get; set; }
    public string? Email { get; set; }
    public bool Active { get; set; } = true;

    public List<WeeklyInterval> WorkingHours { get; set; } = [];

    /// <summary>Vacation, sick leave, training: read and written whole with the staff member.</summary>
    public List<Absence> Absences { get; set; } = [];
    public List<Service> Services { get; set; } = [];
}
