using AskPro.Core.Shared;

namespace AskPro.Core.Telephony;

public enum CallbackStatus { Open, Done }

/// <summary>A caller asked to be called back; staff work through these.</summary>
public sealed class CallbackRequest : TenantEntity
{
    public Guid? CallId { get; set; }
    public Guid? CustomerId { get; set; }
    public E164Number? Phone { get; set; }
    public string Name { get; set; } = "";
    public string Reason { get; set; } = "";
    public CallbackStatus Status { get; set; } = CallbackStatus.Open;
    public DateTime CreatedAt { get; set; }
}
