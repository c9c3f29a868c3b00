namespace AskPro.Core.Scheduling.Holidays;

/// <summary>A statutory public holiday of a region, with the name the caller hears.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>The public holidays of a region (ISO 3166-2: "DE-BY", "AT-9", "CH-ZH"; a bare
/// country code means the holidays of the whole country). Unknown regions have none.</summary>
public interface IPublicHolidayCalendar
{
    IReadOnlyList<Holiday> In(string region, int year);
}
