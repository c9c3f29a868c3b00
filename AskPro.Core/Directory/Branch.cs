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
