namespace AskPro.Core.Telephony;

/// <summary>One function the voice agent called during a call, as shown on the call's page.
/// Arguments are stored masked (no phone numbers, e-mails or names in clear).</summary>
public sealed class FunctionInvocation : Shared.TenantEntity
{
    public Guid CallId { get; set; }
    public required string Name { get; set; }
    public string ArgumentsMasked { get; set; } = "{}";
    public required string Status { get; set; }
    public bool Success { get; set; }
    public string Message { get; set; } = "";
    public int DurationMs { get; set; }
    public DateTime At { get; set; }
}
