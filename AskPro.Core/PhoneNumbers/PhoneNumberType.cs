namespace AskPro.Core.PhoneNumbers;

/// <summary>What kind of line a number is, in the order and with the meaning of Google's
/// libphonenumber.</summary>
public enum PhoneNumberType
{
    Unknown,
    FixedLine,
    Mobile,
    /// <summary>The numbering plan cannot tell fixed line and mobile apart (e.g. +1).</summary>
    FixedLineOrMobile,
    TollFree,
    PremiumRate,
    SharedCost,
    Voip,
    PersonalNumber,
    Pager,
    Uan,
    Voicemail,
}

/// <summary>Why a text is not a phone number.</summary>
public enum PhoneParseFailure
{
    Empty,
    NotANumber,
    InvalidCharacters,
    TooShort,
    TooLong,
    InvalidForRegion,
    UnknownCountryCode,
}

public enum PhoneNumberFormat { E164, International, National, Rfc3966 }
