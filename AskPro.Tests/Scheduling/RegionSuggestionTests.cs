using AskPro.Core.Directory;

namespace AskPro.Tests.Scheduling;

/// <summary>The region a postal code suggests for a new branch (a suggestion the admin confirms).</summary>
public sealed class RegionSuggestionTests
{
    [Theory]
    [InlineData("DE", "10119", "DE-BE")] [InlineData("DE", "80802", "DE-BY")] [InlineData("DE", "14467", "DE-BB")]
    [InlineData("DE", "14195", "DE-BE")] [InlineData("DE", "20095", "DE-HH")] [InlineData("DE", "28195", "DE-HB")]
    [InlineData("DE", "27568", "DE-HB")] [InlineData("DE", "01067", "DE-SN")] [InlineData("DE", "99084", "DE-TH")]
    [InlineData("DE", "66111", "DE-SL")] [InlineData("DE", "55116", "DE-RP")] [InlineData("DE", "39104", "DE-ST")]
    [InlineData("DE", "19053", "DE-MV")] [InlineData("DE", "24103", "DE-SH")] [InlineData("DE", "30159", "DE-NI")]
    [InlineData("DE", "40210", "DE-NW")] [InlineData("DE", "60311", "DE-HE")] [InlineData("DE", "70173", "DE-BW")]
    [InlineData("DE", "63739", "DE-BY")] [InlineData("DE", "89073", "DE-BW")] [InlineData("DE", "89231", "DE-BY")]
    [InlineData("AT", "1010", "AT-9")] [InlineData("AT", "5020", "AT-5")] [InlineData("AT", "6020", "AT-7")]
    [InlineData("AT", "6900", "AT-8")] [InlineData("AT", "8010", "AT-6")] [InlineData("AT", "9020", "AT-2")]
    [InlineData("AT", "4020", "AT-4")] [InlineData("AT", "3100", "AT-3")] [InlineData("AT", "7000", "AT-1")]
    [InlineData("CH", "8001", "CH-ZH")] [InlineData("CH", "3011", "CH-BE")] [InlineData("CH", "1201", "CH-GE")]
    [InlineData("CH", "4051", "CH-BS")] [InlineData("CH", "6900", "CH-TI")] [InlineData("CH", "7000", "CH-GR")]
    public void A_postal_code_suggests_its_region(string country, string postalCode, string region)
    {
        Assert.Equal(region, Regions.Suggest(country, postalCode));
        Assert.True(Regions.IsKnown(region));
    }

    [Theory]
    [InlineData("DE", "1011")] [InlineData("DE", "abcde")] [InlineData("AT", "10119")] [InlineData("CH", "0999")] [InlineData("FR", "75001")] [InlineData("DE", "")]
    public void Something_that_is_no_postal_code_of_the_country_suggests_nothing(string country, string postalCode) =>
        Assert.Null(Regions.Suggest(country, postalCode));
}
