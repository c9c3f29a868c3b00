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

    /// <summary>How the number came to the installation: entered by hand (demo, older data),
    /// imported from the company's own carrier over SIP, or bought through the voice platform.</summary>
    public PhoneNumberOrigin Origin { get; set; } = PhoneNumberOrigin.Assigned;

    /// <summary>Where the voice platform sends outbound SIP for an imported number (the carrier's
    /// trunk, e.g. "sip.example-carrier.de"); null for bought numbers.</summary>
    public string? SipTerminationUri { get; set; }
}

public enum PhoneNumberOrigin { Assigned, Imported, Bought }
