using AskPro.Core.PhoneNumbers;

namespace AskPro.Core.Telephony;

/// <summary>Who is calling, as far as the caller ID tells.</summary>
public abstract record CallerId
{
    /// <summary>Number withheld: a normal outcome, not an error.</summary>
    public sealed record Anonymous : CallerId;

    public sealed record Known(ParsedPhoneNumber Number) : CallerId;

    /// <summary>Something arrived that is not a number (logged, treated like anonymous for data access).</summary>
    public sealed record Unreadable(PhoneParseFailure Reason) : CallerId;
}

/// <summary>Retell's <c>from_number</c>: E.164 with "+", or a word for a withheld number. The
/// one place that knows Retell's caller-ID format.</summary>
public static class RetellCallerId
{
    private static readonly HashSet<string> WithheldWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "anonymous", "unknown", "withheld", "restricted", "private", "unavailable", "null", "none",
    };

    public static CallerId Read(string? fromNumber, string companyRegion)
    {
        var value = fromNumber?.Trim();
        if (string.IsNullOrEmpty(value) || WithheldWords.Contains(value)) return new CallerId.Anonymous();

        // Retell always sends E.164; digits without "+" are still international, never national
        // (read as national, "491711234567" would be a German number starting 0491…).
        if (value.Length <= PhoneNumberParser.MaxInputLength && value.All(char.IsAsciiDigit)) value = "+" + value;

        var parsed = PhoneNumberParser.Parse(value, companyRegion);
        return parsed.Number is { } number ? new CallerId.Known(number) : new CallerId.Unreadable(parsed.Failure!.Value);
    }
}
