using Google = global::PhoneNumbers;

namespace AskPro.Core.PhoneNumbers;

/// <summary>Reads a phone number with Google's libphonenumber (libphonenumber-csharp), behind a
/// strict allow-list that runs first: the library accepts "+49 171 1234567&lt;script&gt;" and
/// spends microseconds on junk, so it only ever sees digits and a leading "+".</summary>
public static class PhoneNumberParser
{
    /// <summary>Longer input is refused at once: no real number, however formatted, is longer.</summary>
    public const int MaxInputLength = 48;

    private const int MinNationalLength = 2; // Google's MIN_LENGTH_FOR_NSN

    private static readonly Google.PhoneNumberUtil Util = Google.PhoneNumberUtil.GetInstance();

    /// <summary>Loads the library's metadata and runs each kind of DACH number once (start-up
    /// warm-up), so the first caller does not pay the ~100 ms cold start.</summary>
    public static void Warm()
    {
        foreach (var sample in new[] { "0171 1234567", "+49 30 55501000", "0043 1 5321234", "+43 664 1234567", "044 668 18 00", "+41 79 123 45 67", "0800 1234567" })
        {
            var number = Parse(sample, "DE").Number;
            foreach (var format in Enum.GetValues<PhoneNumberFormat>()) number?.Format(format);
        }
    }

    /// <summary>The ISO region's calling code ("DE" → "49"), or null for an unknown region.</summary>
    public static string? CallingCodeOf(string region) =>
        Util.GetCountryCodeForRegion(region.ToUpperInvariant()) is var code and > 0 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    public static PhoneParseResult Parse(string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input)) return Fail(PhoneParseFailure.Empty);
        if (input.Length > MaxInputLength) return Fail(PhoneParseFailure.TooLong);

        Span<char> buffer = stackalloc char[MaxInputLength + 1];
        var read = ReadDigits(input.AsSpan().Trim(), buffer[1..], out var plus);
        if (read.Failure is { } refused) return Fail(refused);
        if (read.Count < MinNationalLength) return Fail(PhoneParseFailure.NotANumber);

        buffer[0] = '+';
        var clean = plus ? buffer[..(read.Count + 1)].ToString() : buffer.Slice(1, read.Count).ToString();
        Google.PhoneNumber number;
        try
        {
            number = Util.Parse(clean, defaultRegion.ToUpperInvariant());
        }
        catch (Google.NumberParseException ex)
        {
            return Fail(ex.ErrorType switch
            {
                Google.ErrorType.INVALID_COUNTRY_CODE => PhoneParseFailure.UnknownCountryCode,
                Google.ErrorType.TOO_SHORT_AFTER_IDD or Google.ErrorType.TOO_SHORT_NSN => PhoneParseFailure.TooShort,
                Google.ErrorType.TOO_LONG => PhoneParseFailure.TooLong,
                _ => PhoneParseFailure.NotANumber,
            });
        }

        if (Util.IsValidNumber(number)) return new PhoneParseResult(new ParsedPhoneNumber(Util, number), null);
        return Fail(Util.IsPossibleNumberWithReason(number) switch
        {
            // Local only: dialable only inside its area, i.e. the area code is missing.
            Google.PhoneNumberUtil.ValidationResult.TOO_SHORT or Google.PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => PhoneParseFailure.TooShort,
            Google.PhoneNumberUtil.ValidationResult.TOO_LONG => PhoneParseFailure.TooLong,
            Google.PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => PhoneParseFailure.UnknownCountryCode,
            _ => PhoneParseFailure.InvalidForRegion,
        });
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

    private static PhoneParseResult Fail(PhoneParseFailure reason) => new(null, reason);
}
