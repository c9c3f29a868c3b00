namespace AskPro.Core.PhoneNumbers.Legacy;

/// <summary>Reads a phone number the way Google's libphonenumber does (strip formatting, "+" or
/// the region's international prefix, country code, national prefix, possible lengths, type
/// patterns in Google's order), behind a strict allow-list that runs before any regex.</summary>
public static class PhoneNumberParser
{
    /// <summary>Longer input is refused at once: no real number, however formatted, is longer.</summary>
    public const int MaxInputLength = 48;

    private const int MinNationalLength = 2;  // Google's MIN_LENGTH_FOR_NSN
    private const int MaxNationalLength = 17; // Google's MAX_LENGTH_FOR_NSN

    /// <summary>Compiles the DACH plans and runs the parser once per kind of number (start-up
    /// warm-up), so the first caller does not pay for compilation.</summary>
    public static void Warm()
    {
        PhoneMetadata.Warm("DE", "AT", "CH");
        foreach (var sample in new[] { "0171 1234567", "+49 30 55501000", "0043 1 5321234", "+43 664 1234567", "044 668 18 00", "+41 79 123 45 67", "0800 1234567" })
            Parse(sample, "DE").Number?.Format(PhoneNumberFormat.National);
    }

    /// <summary>The ISO region's calling code ("DE" → "49"), or null for an unknown region.</summary>
    public static string? CallingCodeOf(string region) => PhoneMetadata.CallingCodeOf(region);

    public static PhoneParseResult Parse(string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input)) return Fail(PhoneParseFailure.Empty);
        if (input.Length > MaxInputLength) return Fail(PhoneParseFailure.TooLong);

        Span<char> buffer = stackalloc char[MaxInputLength];
        var read = ReadDigits(input.AsSpan().Trim(), buffer, out var plus);
        if (read.Failure is { } refused) return Fail(refused);
        ReadOnlySpan<char> digits = buffer[..read.Count];
        if (digits.Length < MinNationalLength) return Fail(PhoneParseFailure.NotANumber);

        var home = PhoneMetadata.PlanForRegion(defaultRegion);
        string? countryCode;
        scoped ReadOnlySpan<char> national;
        NumberingPlan? plan;

        if (plus || StripInternationalPrefix(home, ref digits))
        {
            if (digits.Length <= MinNationalLength) return Fail(PhoneParseFailure.TooShort);
            countryCode = ExtractCountryCode(digits);
            if (countryCode is null) return Fail(PhoneParseFailure.UnknownCountryCode);
            national = digits[countryCode.Length..];
            plan = PhoneMetadata.PlanForCallingCode(countryCode);
        }
        else
        {
            if (home is null) return Fail(PhoneParseFailure.UnknownCountryCode);
            countryCode = home.CountryCode;
            national = WithoutOwnCountryCode(home, digits);
            plan = national.Length != digits.Length ? PhoneMetadata.PlanForCallingCode(countryCode) : home;
        }
        if (plan is null) return Fail(PhoneParseFailure.UnknownCountryCode);

        var nsn = StripNationalPrefix(plan, national, keepOnlyIfPossible: true);
        if (nsn.Length < MinNationalLength) return Fail(PhoneParseFailure.TooShort);
        if (nsn.Length > MaxNationalLength) return Fail(PhoneParseFailure.TooLong);
        return Validate(countryCode, nsn, plan);
    }

    private readonly record struct DigitsRead(int Count, PhoneParseFailure? Failure);

    /// <summary>The allow-list: ASCII digits, space, + (first), - . / ( ) and a leading "tel:".
    /// One pass, no regex: hostile input is refused in time proportional to at most 48 chars.</summary>
    private static DigitsRead ReadDigits(ReadOnlySpan<char> text, Span<char> digits, out bool plus)
    {
        plus = false;
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) text = text[4..];
        var count = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9') digits[count++] = c;
            else if (c == '+')
            {
                if (count > 0 || plus) return new DigitsRead(0, PhoneParseFailure.InvalidCharacters);
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0')) return new DigitsRead(0, PhoneParseFailure.InvalidCharacters);
        }
        return new DigitsRead(count, count == 0 ? PhoneParseFailure.NotANumber : null);
    }

    /// <summary>"00 49 …" in Germany, "011 …" in the US. A 0 right after the prefix means it
    /// was not one (Google's rule).</summary>
    private static bool StripInternationalPrefix(NumberingPlan? home, ref ReadOnlySpan<char> digits)
    {
        if (home?.InternationalPrefix is not { } prefix) return false;
        foreach (var match in prefix.EnumerateMatches(digits))
        {
            if (match.Length == 0 || match.Length >= digits.Length || digits[match.Length] == '0') return false;
            digits = digits[match.Length..];
            return true;
        }
        return false;
    }

    private static string? ExtractCountryCode(ReadOnlySpan<char> digits)
    {
        if (digits[0] == '0') return null;
        for (var length = 1; length <= 3 && length <= digits.Length; length++)
        {
            var candidate = digits[..length].ToString();
            if (PhoneMetadata.RegionsFor(candidate) is not null) return candidate;
        }
        return null;
    }

    /// <summary>"4930…" typed without "+" in Germany: Google drops the country code only when
    /// the rest is a national number and the whole is not, or the whole is too long.</summary>
    private static ReadOnlySpan<char> WithoutOwnCountryCode(NumberingPlan home, ReadOnlySpan<char> digits)
    {
        if (!digits.StartsWith(home.CountryCode)) return digits;
        var potential = digits[home.CountryCode.Length..];
        var stripped = StripNationalPrefix(home, potential, keepOnlyIfPossible: false);
        var general = home.General;
        return (!general.PatternMatches(digits) && general.PatternMatches(stripped)) || home.LengthProblem(digits.Length) == PhoneParseFailure.TooLong
            ? stripped
            : digits;
    }

    /// <summary>Google's maybeStripNationalPrefixAndCarrierCode: drop the national prefix ("0")
    /// unless that turns a number that fitted the plan into one that does not.</summary>
    private static ReadOnlySpan<char> StripNationalPrefix(NumberingPlan plan, ReadOnlySpan<char> number, bool keepOnlyIfPossible)
    {
        if (plan.NationalPrefixForParsing is not { } prefix || number.IsEmpty) return number;
        var viable = plan.General.PatternMatches(number);
        ReadOnlySpan<char> result;

        if (string.IsNullOrEmpty(plan.NationalPrefixTransformRule))
        {
            var end = -1;
            foreach (var match in prefix.EnumerateMatches(number)) { end = match.Length; break; }
            if (end <= 0) return number;
            result = number[end..];
        }
        else
        {
            // Transform rules need the groups: rare (a few countries), so a Match is fine here.
            var text = number.ToString();
            var match = prefix.Match(text);
            if (!match.Success) return number;
            var lastGroup = match.Groups[match.Groups.Count - 1];
            result = match.Groups.Count > 1 && lastGroup.Success
                ? (match.Result(plan.NationalPrefixTransformRule) + text[match.Length..]).AsSpan()
                : text.AsSpan(match.Length);
        }

        if (viable && !plan.General.PatternMatches(result)) return number;
        if (keepOnlyIfPossible && plan.LengthProblem(result.Length) is { } problem && problem != PhoneParseFailure.TooLong) return number;
        return result;
    }

    /// <summary>Google's isValidNumber: find the region among those sharing the calling code
    /// (leading digits first, then type patterns), then the number must have a known type.</summary>
    private static PhoneParseResult Validate(string countryCode, ReadOnlySpan<char> nsn, NumberingPlan parsingPlan)
    {
        var regions = PhoneMetadata.RegionsFor(countryCode)!;
        NumberingPlan? plan = null;
        var type = PhoneNumberType.Unknown;

        if (regions[0] == "001")
        {
            plan = PhoneMetadata.NonGeographic(countryCode);
            type = plan?.TypeOf(nsn) ?? PhoneNumberType.Unknown;
        }
        else if (regions.Length == 1)
        {
            plan = PhoneMetadata.PlanForRegion(regions[0]);
            type = plan?.TypeOf(nsn) ?? PhoneNumberType.Unknown;
        }
        else
        {
            foreach (var region in regions)
            {
                var candidate = PhoneMetadata.PlanForRegion(region);
                if (candidate is null) continue;
                if (candidate.LeadingDigits is { } leading)
                {
                    if (!leading.IsMatch(nsn)) continue;
                    plan = candidate;
                    type = candidate.TypeOf(nsn);
                    break;
                }
                var candidateType = candidate.TypeOf(nsn);
                if (candidateType == PhoneNumberType.Unknown) continue;
                (plan, type) = (candidate, candidateType);
                break;
            }
        }

        if (plan is null || type == PhoneNumberType.Unknown)
            return Fail(parsingPlan.LengthProblem(nsn.Length) ?? PhoneParseFailure.InvalidForRegion);
        // Google formats with the calling code's main plan (US formats for all of +1).
        var formatting = PhoneMetadata.PlanForCallingCode(countryCode) ?? plan;
        return new PhoneParseResult(new ParsedPhoneNumber(formatting, plan.Region, countryCode, nsn.ToString(), type), null);
    }

    private static PhoneParseResult Fail(PhoneParseFailure reason) => new(null, reason);
}
