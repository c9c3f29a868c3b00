using System.Diagnostics.CodeAnalysis;

namespace AskPro.Core.Shared;

/// <summary>A valid phone number in E.164 form ("+493055501000"). The way in is
/// <see cref="TryParse"/>, which reads any spelling a person types through the numbering-plan
/// parser (<see cref="PhoneNumbers.PhoneNumberParser"/>); storage holds only E.164.</summary>
public sealed record E164Number
{
    private E164Number(string value) => Value = value;

    public string Value { get; }

    /// <summary>Reads what a person or provider typed, with Google's numbering plans.
    /// <paramref name="defaultRegion"/> is the company's country (ISO 3166 alpha-2) for numbers
    /// written without a country code.</summary>
    public static bool TryParse(string? input, string defaultRegion, [NotNullWhen(true)] out E164Number? number)
    {
        var parsed = PhoneNumbers.PhoneNumberParser.Parse(input, defaultRegion);
        number = parsed.Number is { } valid ? new E164Number(valid.E164) : null;
        return number is not null;
    }

    /// <summary>The full reading (type, region, formats) of this number; null only if a
    /// numbering plan changed since it was stored.</summary>
    public PhoneNumbers.ParsedPhoneNumber? Details => PhoneNumbers.PhoneNumberParser.Parse(Value, "DE").Number;

    public static E164Number Parse(string input, string defaultRegion = "DE") =>
        TryParse(input, defaultRegion, out var number)
            ? number
            : throw new FormatException("Not a valid phone number.");

    /// <summary>For values read back from storage, which only ever holds E.164.</summary>
    public static E164Number FromStorage(string e164) => new(e164);

    /// <summary>The number with all but the last two digits hidden, for logs and masked views.</summary>
    public string Masked => Value.Length <= 4 ? "***" : Value[..3] + new string('*', Value.Length - 5) + Value[^2..];

    public override string ToString() => Value;
}
