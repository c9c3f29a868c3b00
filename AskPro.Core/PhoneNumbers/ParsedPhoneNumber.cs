using Google = global::PhoneNumbers;

namespace AskPro.Core.PhoneNumbers;

/// <summary>A valid phone number as Google's libphonenumber reads it; our surface over the
/// library's <c>PhoneNumber</c>, so nothing else in AskPro depends on the library.</summary>
public sealed class ParsedPhoneNumber
{
    private readonly Google.PhoneNumberUtil _util;
    private readonly Google.PhoneNumber _number;
    // Region and type each run the library's pattern matching again: read only when asked for
    // (most callers need just E.164).
    private string? _region;
    private PhoneNumberType? _type;

    internal ParsedPhoneNumber(Google.PhoneNumberUtil util, Google.PhoneNumber number)
    {
        _util = util;
        _number = number;
        E164 = util.Format(number, Google.PhoneNumberFormat.E164);
    }

    /// <summary>"+493055501000".</summary>
    public string E164 { get; }

    /// <summary>ISO 3166 alpha-2 ("DE"), or "001" for non-geographic numbers.</summary>
    public string Region => _region ??= _util.GetRegionCodeForNumber(_number);

    public string CountryCode => _number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The national significant number, without national prefix ("3055501000").</summary>
    public string NationalNumber => _util.GetNationalSignificantNumber(_number);

    public PhoneNumberType Type => _type ??= TypeOf(_util.GetNumberType(_number));

    public string Format(PhoneNumberFormat format) => format switch
    {
        PhoneNumberFormat.E164 => E164,
        PhoneNumberFormat.International => _util.Format(_number, Google.PhoneNumberFormat.INTERNATIONAL),
        PhoneNumberFormat.National => _util.Format(_number, Google.PhoneNumberFormat.NATIONAL),
        PhoneNumberFormat.Rfc3966 => _util.Format(_number, Google.PhoneNumberFormat.RFC3966),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public override string ToString() => E164;

    private static PhoneNumberType TypeOf(Google.PhoneNumberType type) => type switch
    {
        Google.PhoneNumberType.FIXED_LINE => PhoneNumberType.FixedLine,
        Google.PhoneNumberType.MOBILE => PhoneNumberType.Mobile,
        Google.PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneNumberType.FixedLineOrMobile,
        Google.PhoneNumberType.TOLL_FREE => PhoneNumberType.TollFree,
        Google.PhoneNumberType.PREMIUM_RATE => PhoneNumberType.PremiumRate,
        Google.PhoneNumberType.SHARED_COST => PhoneNumberType.SharedCost,
        Google.PhoneNumberType.VOIP => PhoneNumberType.Voip,
        Google.PhoneNumberType.PERSONAL_NUMBER => PhoneNumberType.PersonalNumber,
        Google.PhoneNumberType.PAGER => PhoneNumberType.Pager,
        Google.PhoneNumberType.UAN => PhoneNumberType.Uan,
        Google.PhoneNumberType.VOICEMAIL => PhoneNumberType.Voicemail,
        _ => PhoneNumberType.Unknown,
    };
}

/// <summary>Success (a number) or failure (a reason), never an exception for bad input.</summary>
public readonly record struct PhoneParseResult(ParsedPhoneNumber? Number, PhoneParseFailure? Failure)
{
    public bool IsValid => Number is not null;
}
