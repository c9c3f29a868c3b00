using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AskPro.Core.Onboarding.SignUp;

/// <summary>A new company's public id for URLs ("salon-mueller-k3f9q2"): readable from the name,
/// unguessable from the random tail, never the database id.</summary>
public static class TenantKeys
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string For(string companyName)
    {
        var slug = new StringBuilder();
        foreach (var c in Transliterate(companyName.ToLowerInvariant()).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        var head = slug.ToString().Trim('-');
        var tail = string.Concat(Enumerable.Range(0, 6).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));
        return head.Length == 0 ? "firma-" + tail : head + "-" + tail;
    }

    private static string Transliterate(string s) => s.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
}
