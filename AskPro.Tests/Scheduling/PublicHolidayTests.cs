using AskPro.Core.Directory;
using AskPro.Infrastructure.Booking;

namespace AskPro.Tests.Scheduling;

/// <summary>The public-holiday calendar (PublicHoliday package behind our port) against the list
/// written out in public-holidays.txt, for every German state, Austria and Switzerland, 2026–2028.</summary>
public sealed class PublicHolidayTests
{
    private static readonly PublicHolidayCalendar Calendar = new();

    private static readonly (Dictionary<int, Dictionary<string, string>> Dates, Dictionary<string, string[]> Regions) List = Read();

    private static (Dictionary<int, Dictionary<string, string>>, Dictionary<string, string[]>) Read()
    {
        var dates = new Dictionary<int, Dictionary<string, string>>();
        var regions = new Dictionary<string, string[]>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Scheduling", "public-holidays.txt")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (int.TryParse(parts[0], out var year))
                dates[year] = parts[1..].Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            else regions[parts[0]] = parts[1..];
        }
        return (dates, regions);
    }

    public static TheoryData<string, int> RegionsAndYears()
    {
        var data = new TheoryData<string, int>();
        foreach (var region in List.Regions.Keys)
            foreach (var year in new[] { 2026, 2027, 2028 }) data.Add(region, year);
        return data;
    }

    [Theory]
    [MemberData(nameof(RegionsAndYears))]
    public void Each_regions_holidays_are_exactly_the_published_ones(string region, int year)
    {
        var expected = List.Regions[region].Where(List.Dates[year].ContainsKey).Select(h => $"{year}-{List.Dates[year][h]}").Order().ToList();
        var actual = Calendar.In(region, year).Select(h => h.Date.ToString("yyyy-MM-dd")).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_list_covers_all_sixteen_German_states() =>
        Assert.Equal(Regions.All.Where(r => r.Country == "DE").Select(r => r.Code).Order(), List.Regions.Keys.Where(k => k.StartsWith("DE-")).Order());

    [Theory]
    [InlineData("DE-BY", "2027-01-06", "Heilige Drei Könige")]
    [InlineData("DE-BE", "2027-03-08", "Internationaler Frauentag")]
    [InlineData("DE-SN", "2027-11-17", "Buß- und Bettag")]
    [InlineData("DE-TH", "2027-09-20", "Weltkindertag")]
    [InlineData("DE-BE", "2027-01-01", "Neujahr")]
    [InlineData("AT", "2027-10-26", "Nationalfeiertag")]
    [InlineData("CH-ZH", "2027-01-02", "Berchtoldstag")]
    [InlineData("DE-BE", "2028-06-17", "Jahrestag des Volksaufstands")]
    public void Holidays_carry_the_name_the_caller_hears(string region, string date, string name) =>
        Assert.Equal(name, Calendar.In(region, DateOnly.Parse(date).Year).Single(h => h.Date == DateOnly.Parse(date)).Name);

    [Fact]
    public void An_unknown_region_has_no_holidays_and_no_error() => Assert.Empty(Calendar.In("XX-YY", 2027));
}
