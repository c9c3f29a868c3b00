using AskPro.Core.Shared;

namespace AskPro.Core.Directory;

/// <summary>A location of a company, with its own address, time zone and opening hours.</summary>
public sealed class Branch : TenantEntity
{
    public required string Name { get; set; }
    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string TimeZoneId { get; set; } = "Europe/Berlin";

    /// <summary>ISO 3166-1 alpha-2 ("DE", "AT", "CH").</summary>
    public string CountryCode { get; set; } = "DE";

    /// <summary>ISO 3166-2 subdivision ("DE-BE", "AT-9", "CH-ZH"): whose public holidays apply.
    /// Empty until set; <see cref="Regions.Suggest"/> proposes one from the postal code.</summary>
    public string Region { get; set; } = "";

    /// <summary>Public holidays (by name, "Heilige Drei Könige") the company opened this branch on.</summary>
    public List<string> OpenOnHolidays { get; set; } = [];

    /// <summary>The region, or the country while no region is set (its nationwide holidays).</summary>
    public string RegionOrCountry => Region.Length > 0 ? Region : CountryCode;
    public E164Number? Phone { get; set; }

    public List<WeeklyInterval> OpeningHours { get; set; } = [];
    public List<Closure> Closures { get; set; } = [];
}

/// <summary>A day range the branch is closed (holiday, vacation), in the branch's calendar.</summary>
public sealed class Closure
{
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
}
