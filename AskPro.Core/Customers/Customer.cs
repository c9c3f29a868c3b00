using AskPro.Core.Shared;

namespace AskPro.Core.Customers;

/// <summary>A company's customer. The phone number is unique within the company.</summary>
public sealed class Customer : TenantEntity
{
    public required string Name { get; set; }
    public E164Number? Phone { get; set; }
    public string? Email { get; set; }
    public string Notes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
