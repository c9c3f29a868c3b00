using AskPro.Core.PhoneNumbers;
using AskPro.Core.Shared;

namespace AskPro.Web.Components.Pages.Customers;

/// <summary>A customer as the list shows it: the number in national format with its type.</summary>
public sealed record CustomerRow(Guid Id, string Name, E164Number? Phone, string? Email)
{
    public string PhoneNational => Phone?.Details?.Format(PhoneNumberFormat.National) ?? Phone?.Value ?? "";
    public PhoneNumberType? PhoneType => Phone?.Details?.Type;
}
