using System.Globalization;
using System.Net.Mail;

namespace AskPro.Core.Customers;

/// <summary>What a customer's name may be, for every channel (phone, portal, REST, Cal.com):
/// 2–200 characters after trimming, at least one letter, and only letters, marks, digits,
/// spaces and the punctuation names use (- ' ’ . , &amp; ( )). Markup, control characters and
/// emoji are refused, so a name is safe to show and to speak.</summary>
public static class PersonName
{
    public const int MaxLength = 200;

    public static bool TryNormalize(string? input, out string name)
    {
        name = input?.Trim() ?? "";
        if (name.Length is < 2 or > MaxLength || !name.Any(char.IsLetter)) return false;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '’' or '.' or ',' or '&' or '(' or ')') continue;
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
            return false;
        }
        return true;
    }
}

/// <summary>The one e-mail check: an address as a person types it (at most 254 characters),
/// accepted only when it parses to exactly itself — no display names, no comments.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>True with null for empty input (no address given), true with the address when
    /// valid, false when something was given that is not an address.</summary>
    public static bool TryNormalize(string? input, out string? email)
    {
        email = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (email is null) return true;
        return email.Length <= MaxLength && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
    }
}
