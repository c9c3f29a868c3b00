using AskPro.Core.Shared;

namespace AskPro.Core.Operations;

/// <summary>Who did what to which entity, and when. Append-only.</summary>
public sealed class AuditEntry : TenantEntity
{
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string Details { get; set; } = "";
    public DateTime At { get; set; }
}
