using AskPro.Core.Shared;

namespace AskPro.Core.Notifications;

/// <summary>A company's own wording of one message (kind, channel, language); where none is
/// stored, <see cref="MessageTemplates.Default"/> is used. Placeholders in braces, see
/// <see cref="MessageTemplates.Placeholders"/>.</summary>
public sealed class MessageTemplate : TenantEntity
{
    public MessageKind Kind { get; set; }
    public MessageChannel Channel { get; set; }
    /// <summary>"de" or "en".</summary>
    public string Language { get; set; } = "de";
    public string Subject { get; set; } = "";
    public required string Body { get; set; }
}
