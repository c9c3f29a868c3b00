namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Where and as whom a company's Cal.com is called. Base URL e.g.
/// https://api.cal.com/v2, https://api.cal.eu/v2 or a self-hosted instance's.</summary>
public sealed record CalComConnection(Guid CompanyId, Uri BaseUrl, string ApiKey)
{
    public override string ToString() => $"Cal.com of {CompanyId} at {BaseUrl.Authority}"; // never the key
}

public sealed record CalComHost(int? UserId, string? Name, string? Email);

public sealed record CalComEventType(int Id, string Slug, string Title, int LengthInMinutes, IReadOnlyList<CalComHost> Hosts, int? TeamId);

public sealed record CalComAttendee(string Name, string Email, string? TimeZone = null, string? PhoneNumber = null, string Language = "de");

public sealed record CalComBooking(
    int Id, string Uid, string Status, DateTimeOffset Start, DateTimeOffset End, int? EventTypeId,
    IReadOnlyList<CalComAttendee> Attendees, IReadOnlyList<CalComHost> Hosts, IReadOnlyDictionary<string, string> Metadata,
    string? RescheduledFromUid)
{
    public bool IsActive => Status is "accepted" or "pending" or "ACCEPTED" or "PENDING";
}

public sealed record CalComMe(int Id, string? Email, string? Username, string? TimeZone);

public sealed record CalComReservation(string Uid, DateTimeOffset Until);

public sealed record CalComWebhook(string Id, string SubscriberUrl, bool Active);

/// <summary>A booking request: the start as an instant (sent in UTC), one attendee with a
/// unique e-mail, and metadata (string values, at most 50 keys) naming our ids.</summary>
public sealed record NewCalComBooking(int EventTypeId, DateTimeOffset Start, CalComAttendee Attendee, IReadOnlyDictionary<string, string> Metadata);
