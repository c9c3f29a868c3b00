using AskPro.Core.Shared;

namespace AskPro.Core.Directory;

/// <summary>A number the voice agent answers. Unique across the installation: it is how an
/// incoming call finds its company.</summary>
public sealed class PhoneNumber : TenantEntity
{
    public required E164Number Number { get; set; }
    public Guid BranchId { get; set; }
    public Branch? Branch { get; set; }
    public string? RetellAgentId { get; set; }
}
