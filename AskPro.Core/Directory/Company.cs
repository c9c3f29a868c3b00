using AskPro.Core.Shared;

namespace AskPro.Core.Directory;

/// <summary>Draft: set up in the onboarding wizard, its number not answered yet (test calls
/// only). Active: live. Suspended: stopped by the platform; its number is not answered.</summary>
public enum CompanyStatus { Draft, Active, Suspended }

/// <summary>The tenant: one business using AskPro.</summary>
public sealed class Company : Entity
{
    public required string Name { get; set; }

    /// <summary>Opaque public id used in URLs (webhooks, portal links); never the database id.</summary>
    public required string TenantKey { get; set; }

    public string Industry { get; set; } = "";
    public string TimeZoneId { get; set; } = "Europe/Berlin";

    /// <summary>ISO 3166 alpha-2; the default region for phone numbers typed without a country code.</summary>
    public string CountryCode { get; set; } = "DE";

    public CompanyStatus Status { get; set; } = CompanyStatus.Draft;

    /// <summary>The language the phone agent speaks and customer messages use ("de", "en").</summary>
    public string Language { get; set; } = "de";

    /// <summary>When the company first went live (null: never). Reactivating a suspended company
    /// returns it to Active only if it had been live, otherwise to Draft.</summary>
    public DateTime? WentLiveAt { get; set; }

    /// <summary>The onboarding wizard's step reached (its own step key), so it resumes there.</summary>
    public string OnboardingStep { get; set; } = "";

    /// <summary>Slot grid for availability, in minutes.</summary>
    public int SlotGridMinutes { get; set; } = 15;

    /// <summary>Cal.com webhook secret, encrypted with Data Protection; never shown again once saved.</summary>
    public string? CalComWebhookSecretProtected { get; set; }

    /// <summary>Customers hear about bookings by e-mail and/or SMS (where they gave an address and did not opt out).</summary>
    public bool NotifyByEmail { get; set; } = true;
    public bool NotifyBySms { get; set; }

    /// <summary>24 or 48: how long before an appointment its reminder goes out (bookings made
    /// more than a week ahead get theirs two days before in any case).</summary>
    public int ReminderHoursBefore { get; set; } = 24;

    public DateTime CreatedAt { get; set; }
}
