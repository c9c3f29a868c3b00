using System.Diagnostics.CodeAnalysis;

namespace AskPro.Core.Shared;

/// <summary>A phone number in E.164 form ("+493055501000"). The only way in is
/// <see cref="TryParse"/>; the phone-number capability will replace its body with the full
/// numbering-plan parser without changing this surface.</summary>
public sealed record E164Number
{
    private E164Number(string value) => Value = value;

    public string Value { get; }

    /// <summary>Reads what a person or provider typed. <paramref name="defaultRegion"/> is the
    /// company's country (ISO 3166 alpha-2) for numbers written without a country code.</summary>
    public static bool TryParse(string? input, string defaultRegion, [NotNullWhen(true)] out E164Number? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return false;

        Span<char> digits = stackalloc char[40];
        var count = 0;
        var plus = false;
        foreach (var c in input)
        {
            if (c is >= '0' and <= '9') digits[count++] = c;
            else if (c == '+' && count == 0 && !plus) plus = true;
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')')) return false;
        }

        var text = new string(digits[..count]);
        if (!plus)
        {
            if (text.StartsWith("00", StringComparison.Ordinal)) text = text[2..];
            else if (text.StartsWith('0') && CountryCodes.TryGetValue(defaultRegion, out var cc)) text = cc + text[1..];
            else return false;
        }

        // "+49 (0)30 …": a national prefix written after the country code.
        foreach (var cc in CountryCodes.Values)
        {
            if (text.StartsWith(cc + "0", StringComparison.Ordinal)) { text = cc + text[(cc.Length + 1)..]; break; }
        }

        if (text.Length is < 8 or > 15 || text[0] == '0') return false;
        number = new E164Number("+" + text);
        return true;
    }

    public static E164Number Parse(string input, string defaultRegion = "DE") =>
        TryParse(input, defaultRegion, out var number)
            ? number
            : throw new FormatException("Not a valid phone number.");

    /// <summary>For values read back from storage, which only ever holds E.164.</summary>
    public static E164Number FromStorage(string e164) => new(e164);

    /// <summary>The number with all but the last two digits hidden, for logs and masked views.</summary>
    public string Masked => Value.Length <= 4 ? "***" : Value[..3] + new string('*', Value.Length - 5) + Value[^2..];

    public override string ToString() => Value;

    private static readonly Dictionary<string, string> CountryCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = "49", ["AT"] = "43", ["CH"] = "41",
    };
}
