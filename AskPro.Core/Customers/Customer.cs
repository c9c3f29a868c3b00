using AskPro.Core.Shared;

namespace AskPro.Core.Customers;

/// <summary>A company's customer. The phone number is unique within the company.</summary>
public sealed class Customer : TenantEntity
{
    public const int MaxNotesLength = 4000;

    public required string Name { get; set; }
    public E164Number? Phone { get; set; }
    public string? Email { get; set; }
    public string Notes { get; set; } = "";

    /// <summary>"de" or "en": the language of the messages the customer gets.</summary>
    public string Language { get; set; } = "de";

    /// <summary>The customer's own choices (portal): no e-mail, no SMS, no reminders.</summary>
    public bool OptedOutOfEmail { get; set; }
    public bool OptedOutOfSms { get; set; }
    public bool NoReminders { get; set; }
    public DateTime CreatedAt { get; set; }
}
