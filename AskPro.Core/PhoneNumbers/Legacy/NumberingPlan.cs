using System.Text.Json;
using System.Text.RegularExpressions;

namespace AskPro.Core.PhoneNumbers.Legacy;

/// <summary>One region's numbering plan (or one non-geographic calling code's), read from the
/// compressed libphonenumber-js metadata (version 4 layout) and compiled once.</summary>
internal sealed class NumberingPlan
{
    // Google's order for deciding a number's type; fixed line and mobile come last.
    private static readonly (int Index, PhoneNumberType Type)[] SpecialTypes =
    [
        (3, PhoneNumberType.PremiumRate), (2, PhoneNumberType.TollFree), (9, PhoneNumberType.SharedCost),
        (8, PhoneNumberType.Voip), (4, PhoneNumberType.PersonalNumber), (7, PhoneNumberType.Pager),
        (6, PhoneNumberType.Uan), (5, PhoneNumberType.Voicemail),
    ];

    private readonly NumberDescription?[] _types = new NumberDescription?[10];
    private readonly RegexOptions _options;

    public NumberingPlan(string region, JsonElement data, bool compiled)
    {
        _options = compiled ? RegexOptions.CultureInvariant | RegexOptions.Compiled : RegexOptions.CultureInvariant;
        Region = region;
        CountryCode = data[0].GetString()!;
        InternationalPrefix = Pattern(Text(data, 1), _options, anchoredAtEnd: false);
        General = new NumberDescription(Pattern(Text(data, 2), _options)!, Lengths(data, 3));
        Formats = data.GetArrayLength() > 4 && data[4].ValueKind == JsonValueKind.Array
            ? data[4].EnumerateArray().Select(f => new NumberFormat(f, _options)).ToArray()
            : [];
        NationalPrefix = Text(data, 5);
        NationalPrefixFormattingRule = Text(data, 6);
        var forParsing = Text(data, 7) ?? NationalPrefix;
        NationalPrefixForParsing = Pattern(forParsing, _options, anchoredAtEnd: false);
        NationalPrefixTransformRule = Text(data, 8);
        LeadingDigits = Pattern(Text(data, 10), _options, anchoredAtEnd: false);

        if (data.GetArrayLength() > 11 && data[11].ValueKind == JsonValueKind.Array)
        {
            var types = data[11];
            for (var i = 0; i < Math.Min(10, types.GetArrayLength()); i++)
            {
                var type = types[i];
                if (type.ValueKind != JsonValueKind.Array || Pattern(type[0].GetString(), _options) is not { } typePattern) continue;
                _types[i] = new NumberDescription(typePattern,
                    type.GetArrayLength() > 1 && type[1].ValueKind == JsonValueKind.Array ? Lengths(type, 1) : General.Lengths);
            }
        }
        // libphonenumber-js writes an empty mobile pattern when it equals the fixed-line one.
        var mobileSameAsFixed = data.GetArrayLength() > 11 && data[11].ValueKind == JsonValueKind.Array && data[11].GetArrayLength() > 1
            && data[11][1].ValueKind == JsonValueKind.Array && data[11][1][0].GetString() == "";
        SameFixedAndMobilePattern = mobileSameAsFixed || (_types[0] is { } f && _types[1] is { } m && f.Source == m.Source);
    }

    public string Region { get; }
    public string CountryCode { get; }
    public Regex? InternationalPrefix { get; }
    public NumberDescription General { get; }
    public NumberFormat[] Formats { get; }
    public string? NationalPrefix { get; }
    public string? NationalPrefixFormattingRule { get; }
    public Regex? NationalPrefixForParsing { get; }
    public string? NationalPrefixTransformRule { get; }
    public Regex? LeadingDigits { get; }
    private bool SameFixedAndMobilePattern { get; }

    /// <summary>Google's getNumberTypeHelper.</summary>
    public PhoneNumberType TypeOf(ReadOnlySpan<char> nsn)
    {
        if (!General.Matches(nsn)) return PhoneNumberType.Unknown;
        foreach (var (index, type) in SpecialTypes)
            if (_types[index] is { } description && description.Matches(nsn)) return type;

        if (_types[0] is { } fixedLine && fixedLine.Matches(nsn))
        {
            if (SameFixedAndMobilePattern) return PhoneNumberType.FixedLineOrMobile;
            return _types[1] is { } mobile && mobile.Matches(nsn) ? PhoneNumberType.FixedLineOrMobile : PhoneNumberType.FixedLine;
        }
        return !SameFixedAndMobilePattern && _types[1] is { } onlyMobile && onlyMobile.Matches(nsn)
            ? PhoneNumberType.Mobile
            : PhoneNumberType.Unknown;
    }

    /// <summary>Google's testNumberLength against the plan's general lengths.</summary>
    public PhoneParseFailure? LengthProblem(int length)
    {
        var lengths = General.Lengths;
        if (lengths.Length == 0) return null;
        if (length < lengths[0]) return PhoneParseFailure.TooShort;
        if (length > lengths[^1]) return PhoneParseFailure.TooLong;
        return Array.IndexOf(lengths, length) >= 0 ? null : PhoneParseFailure.InvalidForRegion;
    }

    private static string? Text(JsonElement data, int index) =>
        data.GetArrayLength() > index && data[index].ValueKind == JsonValueKind.String ? data[index].GetString() : null;

    private static int[] Lengths(JsonElement data, int index) =>
        data.GetArrayLength() > index && data[index].ValueKind == JsonValueKind.Array
            ? data[index].EnumerateArray().Select(l => l.GetInt32()).Order().ToArray()
            : [];

    /// <summary>Patterns only ever see ASCII digits, at most 17 of them (the allow-list runs
    /// first), so backtracking cannot blow up; the timeout is a safety net only. Hot regions
    /// are compiled to IL, the rest interpreted (building them is then cheap).</summary>
    internal static Regex? Pattern(string? source, RegexOptions options, bool anchoredAtEnd = true) =>
        string.IsNullOrEmpty(source) ? null
            : new Regex(anchoredAtEnd ? $"^(?:{source})$" : $"^(?:{source})", options, TimeSpan.FromSeconds(1));
}

/// <summary>A number kind's pattern and possible lengths (Google's PhoneNumberDesc).</summary>
internal sealed class NumberDescription(Regex pattern, int[] lengths)
{
    public string Source { get; } = pattern.ToString();
    public int[] Lengths { get; } = lengths;

    public bool Matches(ReadOnlySpan<char> nsn) =>
        (Lengths.Length == 0 || Array.IndexOf(Lengths, nsn.Length) >= 0) && pattern.IsMatch(nsn);

    /// <summary>The pattern alone, without the length check (Google's matchNationalNumber).</summary>
    public bool PatternMatches(ReadOnlySpan<char> nsn) => pattern.IsMatch(nsn);
}

/// <summary>One formatting rule: pattern, format, leading digits, national prefix rule.</summary>
internal sealed class NumberFormat
{
    public NumberFormat(JsonElement data, RegexOptions options)
    {
        Pattern = NumberingPlan.Pattern(data[0].GetString(), options)!;
        Format = data[1].GetString()!;
        if (data.GetArrayLength() > 2 && data[2].ValueKind == JsonValueKind.Array && data[2].GetArrayLength() > 0)
            LastLeadingDigits = NumberingPlan.Pattern(data[2][data[2].GetArrayLength() - 1].GetString(), options, anchoredAtEnd: false);
        NationalPrefixFormattingRule = data.GetArrayLength() > 3 && data[3].ValueKind == JsonValueKind.String ? data[3].GetString() : null;
        InternationalFormat = data.GetArrayLength() > 5 && data[5].ValueKind == JsonValueKind.String ? data[5].GetString()! : Format;
    }

    public Regex Pattern { get; }
    public string Format { get; }

    /// <summary>Google checks only the last (most specific) leading-digits pattern.</summary>
    public Regex? LastLeadingDigits { get; }
    public string? NationalPrefixFormattingRule { get; }

    /// <summary>"NA" means: not used for international formatting.</summary>
    public string InternationalFormat { get; }

    public bool Applies(ReadOnlySpan<char> nsn) => (LastLeadingDigits is null || LastLeadingDigits.IsMatch(nsn)) && Pattern.IsMatch(nsn);
}
