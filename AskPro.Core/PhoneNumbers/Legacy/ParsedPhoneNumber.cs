namespace AskPro.Core.PhoneNumbers.Legacy;

/// <summary>A valid phone number as Google's numbering plans understand it.</summary>
public sealed class ParsedPhoneNumber
{
    private readonly NumberingPlan _plan;

    internal ParsedPhoneNumber(NumberingPlan plan, string region, string countryCode, string nationalNumber, PhoneNumberType type)
    {
        _plan = plan;
        Region = region;
        CountryCode = countryCode;
        NationalNumber = nationalNumber;
        Type = type;
        E164 = "+" + countryCode + nationalNumber;
    }

    /// <summary>"+493055501000".</summary>
    public string E164 { get; }

    /// <summary>ISO 3166 alpha-2 ("DE"), or "001" for non-geographic numbers.</summary>
    public string Region { get; }

    public string CountryCode { get; }

    /// <summary>The national significant number, without national prefix ("3055501000").</summary>
    public string NationalNumber { get; }

    public PhoneNumberType Type { get; }

    public string Format(PhoneNumberFormat format) => format switch
    {
        PhoneNumberFormat.E164 => E164,
        PhoneNumberFormat.International => $"+{CountryCode} {PhoneNumberFormatter.FormatNsn(_plan, NationalNumber, international: true)}",
        PhoneNumberFormat.National => PhoneNumberFormatter.FormatNsn(_plan, NationalNumber, international: false),
        PhoneNumberFormat.Rfc3966 => $"tel:+{CountryCode}-{PhoneNumberFormatter.FormatNsn(_plan, NationalNumber, international: true).Replace(' ', '-')}",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public override string ToString() => E164;
}

/// <summary>Success (a number) or failure (a reason), never an exception for bad input.</summary>
public readonly record struct PhoneParseResult(ParsedPhoneNumber? Number, PhoneParseFailure? Failure)
{
    public bool IsValid => Number is not null;
}

internal static class PhoneNumberFormatter
{
    /// <summary>Google's formatNsn: the first format whose last leading-digits pattern and whole
    /// pattern fit; nationally with the national prefix rule ("0$1"); unformatted if none fits.</summary>
    public static string FormatNsn(NumberingPlan plan, string nsn, bool international)
    {
        foreach (var format in plan.Formats)
        {
            if (international && format.InternationalFormat == "NA") continue;
            if (!format.Applies(nsn)) continue;

            var pattern = international ? format.InternationalFormat : format.Format;
            var rule = format.NationalPrefixFormattingRule ?? plan.NationalPrefixFormattingRule;
            if (!international && !string.IsNullOrEmpty(rule))
            {
                var first = pattern.IndexOf('$');
                if (first >= 0 && first + 1 < pattern.Length) pattern = pattern[..first] + rule.Replace("$1", pattern.Substring(first, 2)) + pattern[(first + 2)..];
            }
            return format.Pattern.Replace(nsn, pattern);
        }
        return nsn;
    }
}
