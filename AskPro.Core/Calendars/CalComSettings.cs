using AskPro.Core.Shared;

namespace AskPro.Core.Calendars;

/// <summary>A company's connection to its Cal.com account. One per company. The API key is
/// encrypted with Data Protection and never shown again once saved.</summary>
public sealed class CalComSettings : TenantEntity
{
    public const string DefaultBaseUrl = "https://api.cal.com/v2";
    public const string DefaultAliasEmailDomain = "kunden.askpro.invalid";

    /// <summary>https://api.cal.com/v2, https://api.cal.eu/v2 or a self-hosted instance's /v2.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public required string ApiKeyProtected { get; set; }

    /// <summary>The company's calendar is Cal.com (false: the built-in calendar, the connection kept).</summary>
    public bool Active { get; set; }

    /// <summary>Domain of the stable alias e-mail a customer without an address books under in
    /// Cal.com (never one shared placeholder: Cal.com would hand one caller's booking to another).</summary>
    public string AliasEmailDomain { get; set; } = DefaultAliasEmailDomain;

    /// <summary>A team's event types instead of the user's (null: the user's).</summary>
    public int? TeamId { get; set; }

    public string? WebhookSubscriptionId { get; set; }
    public DateTime ConnectedAt { get; set; }

    /// <summary>The stable alias address of a customer without one.</summary>
    public string AliasFor(Guid customerId) => $"kunde-{customerId:N}@{AliasEmailDomain}";
}
