using AskPro.Core.Customers;
using AskPro.Core.Shared;

namespace AskPro.Core.CustomerPortal;

/// <summary>What a customer types to get a sign-in link: an e-mail address (it has an "@") or a
/// phone number in any spelling, read as E.164 with the company's country as the default.</summary>
public sealed record PortalAddress(E164Number? Phone, string? Email)
{
    /// <summary>The address in one spelling, for per-address rate limits.</summary>
    public string Key => Phone?.Value ?? Email!.ToLowerInvariant();

    /// <summary>Null for anything that is neither.</summary>
    public static PortalAddress? Parse(string? input, string region)
    {
        var text = input?.Trim() ?? "";
        if (text.Length is 0 or > EmailAddress.MaxLength) return null;
        if (text.Contains('@')) return EmailAddress.TryNormalize(text, out var email) && email is not null ? new PortalAddress(null, email) : null;
        return text.Length <= 40 && E164Number.TryParse(text, region, out var phone) ? new PortalAddress(phone, null) : null;
    }
}
