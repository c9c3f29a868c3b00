using System.Diagnostics;
using AskPro.Core.PhoneNumbers;
using AskPro.Core.Telephony;

namespace AskPro.Tests.PhoneNumbers;

public sealed class PhoneNumberParserTests
{
    [Fact]
    public void A_German_mobile_number_is_read_typed_and_formatted()
    {
        var number = PhoneNumberParser.Parse("0171 1234567", "DE").Number!;
        Assert.Equal("+491711234567", number.E164);
        Assert.Equal("DE", number.Region);
        Assert.Equal("49", number.CountryCode);
        Assert.Equal("1711234567", number.NationalNumber);
        Assert.Equal(PhoneNumberType.Mobile, number.Type);
        Assert.Equal("+49 171 1234567", number.Format(PhoneNumberFormat.International));
        Assert.Equal("0171 1234567", number.Format(PhoneNumberFormat.National));
        Assert.Equal("tel:+49-171-1234567", number.Format(PhoneNumberFormat.Rfc3966));
    }

    [Theory]
    [InlineData("+49 30 55501000", "030 55501000", PhoneNumberType.FixedLine)]
    [InlineData("+49 (0)30 55501000", "030 55501000", PhoneNumberType.FixedLine)]
    [InlineData("0800 1234567", "0800 1234567", PhoneNumberType.TollFree)]
    [InlineData("0900 1 234567", "0900 1 234567", PhoneNumberType.PremiumRate)]
    [InlineData("tel:+43-1-5321234", "01 5321234", PhoneNumberType.FixedLine)]
    [InlineData("+41 44 668 18 00", "044 668 18 00", PhoneNumberType.FixedLine)]
    [InlineData("0043 664 1234567", "0664 1234567", PhoneNumberType.Mobile)]
    public void Dach_numbers_in_any_spelling(string input, string national, PhoneNumberType type)
    {
        var number = PhoneNumberParser.Parse(input, "DE").Number;
        Assert.NotNull(number);
        Assert.Equal(national, number.Format(PhoneNumberFormat.National));
        Assert.Equal(type, number.Type);
    }

    /// <summary>The no-"+" trap: digits that look international are, in Germany, a national
    /// number (0491 is Leer's area code). Google reads it so, and so do we; only a caller-ID
    /// adapter that knows its provider sends E.164 may add the "+".</summary>
    [Fact]
    public void Digits_without_plus_are_a_national_number_even_when_they_start_with_49()
    {
        var national = PhoneNumberParser.Parse("491711234567", "DE").Number!;
        Assert.Equal("+49491711234567", national.E164);
        Assert.Equal(PhoneNumberType.FixedLine, national.Type);

        var callerId = Assert.IsType<CallerId.Known>(RetellCallerId.Read("491711234567", "DE"));
        Assert.Equal("+491711234567", callerId.Number.E164);
    }

    [Theory]
    [InlineData(null, PhoneParseFailure.Empty)]
    [InlineData("", PhoneParseFailure.Empty)]
    [InlineData("   ", PhoneParseFailure.Empty)]
    [InlineData("abc", PhoneParseFailure.InvalidCharacters)]
    [InlineData("()", PhoneParseFailure.NotANumber)]
    [InlineData("7", PhoneParseFailure.NotANumber)]
    [InlineData("+49 12", PhoneParseFailure.TooShort)]
    [InlineData("+999 1234567", PhoneParseFailure.UnknownCountryCode)]
    [InlineData("+49 171 123456789012345", PhoneParseFailure.TooLong)]
    [InlineData("+49 3 2", PhoneParseFailure.TooShort)]
    [InlineData("+1 555 000", PhoneParseFailure.TooShort)]
    [InlineData("0171 1234567", PhoneParseFailure.UnknownCountryCode, "XX")]
    public void Failures_say_why(string? input, PhoneParseFailure reason, string region = "DE")
    {
        var result = PhoneNumberParser.Parse(input, region);
        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Failure);
    }

    public static TheoryData<string> HostileInputs()
    {
        var data = new TheoryData<string>
        {
            "+49 171 1234567<script>alert(1)</script>", "+49 171 1234567'; DROP TABLE Customers;--", "+49 171 1234567\" OR \"1\"=\"1",
            "+49 171 1234567;ext=1", "+49 171\u0000 1234567", "+49 171\r\n1234567", "+49 171\t1234567", "+49 171 １２３４５６７",
            "+49 171 ١٢٣٤٥٦٧", "+49 171 1234567 😀", "+49 171 1234567 ext. 12", "49+1711234567", "++49 171 1234567",
            "+49 171 1234567 <>", "Ⅻ", "tel:+49-171-1234567;phone-context=x", new string('9', 49), new string(' ', 10) + "+",
        };
        data.Add(new string('1', 1_000_000));
        data.Add("+49 171 " + new string('(', 1_000_000));
        data.Add(string.Concat(Enumerable.Repeat("+49 171 1234567<script>", 50_000)));
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_input_is_refused_quickly(string input)
    {
        PhoneNumberParser.Parse("+49 171 1234567", "DE"); // warm
        var clock = Stopwatch.StartNew();
        var result = PhoneNumberParser.Parse(input, "DE");
        var elapsed = clock.Elapsed;
        Assert.False(result.IsValid);
        // Generous bound for a shared CI machine; the benchmark measures the real cost (~µs).
        Assert.True(elapsed < TimeSpan.FromMilliseconds(5), $"took {elapsed.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("unknown")]
    [InlineData("withheld")]
    [InlineData("restricted")]
    [InlineData("private")]
    [InlineData("  ")]
    public void Withheld_caller_ids_are_anonymous(string? fromNumber) =>
        Assert.IsType<CallerId.Anonymous>(RetellCallerId.Read(fromNumber, "DE"));

    [Theory]
    [InlineData("+491711234567<script>")]
    [InlineData("+49 1")]
    [InlineData("sip:someone@example.org")]
    public void Junk_caller_ids_are_unreadable_not_anonymous_and_not_numbers(string fromNumber) =>
        Assert.IsType<CallerId.Unreadable>(RetellCallerId.Read(fromNumber, "DE"));
}
