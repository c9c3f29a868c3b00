using AskPro.Core.Directory;
using AskPro.Core.Directory.SaveBranch;
using AskPro.Infrastructure.Portal;

namespace AskPro.Web.Components.Pages.Onboarding;

/// <summary>The company's first branch as the wizard's branch and hours steps edit it: each step
/// changes its part and saves the whole through <see cref="SaveBranch"/>.</summary>
public sealed class BranchDraft
{
    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string CountryCode { get; set; } = "DE";
    public string Region { get; set; } = "";
    public string TimeZoneId { get; set; } = "Europe/Berlin";
    public List<WeeklyInterval> OpeningHours { get; set; } = [];
    public List<Closure> Closures { get; set; } = [];
    public List<string> OpenOnHolidays { get; set; } = [];

    /// <summary>Whose public holidays apply: the region, or the country while none is chosen.</summary>
    public string RegionOrCountry() => Region.Length > 0 ? Region : CountryCode;

    public static BranchDraft From(BranchRow b) => new()
    {
        Id = b.Id, Name = b.Name, Phone = b.Phone?.Value, Street = b.Street, PostalCode = b.PostalCode, City = b.City, CountryCode = b.CountryCode,
        Region = b.Region, TimeZoneId = b.TimeZoneId, OpeningHours = [.. b.OpeningHours], Closures = [.. b.Closures], OpenOnHolidays = [.. b.OpenOnHolidays],
    };

    public BranchDetails ToDetails() =>
        new(Name, Street ?? "", PostalCode ?? "", City ?? "", CountryCode, Region, TimeZoneId, Phone, OpeningHours, Closures, OpenOnHolidays);
}
