namespace AskPro.Web.Api;

// The REST API's item shapes (CONTRACTS.md "REST API v1"). Ids are opaque strings; instants
// carry the branch's offset.
public sealed record BranchItem(string Id, string Name, string? Phone, string TimeZone, string City);
public sealed record ServiceItem(string Id, string Name, int DurationMinutes, long PriceCents, int BufferMinutes, bool Active);
public sealed record StaffItem(string Id, string Name, string BranchId, bool Active);
public sealed record CustomerItem(string Id, string Name, string? Phone, string? Email);

public sealed record AppointmentItem(
    string Id, string BranchId, string StaffId, string ServiceId, string CustomerId,
    DateTimeOffset Start, DateTimeOffset End, string Status, string Source, string? ExternalUid, string? CallId);

public sealed record CallItem(
    string Id, string RetellCallId, string? FromNumber, string ToNumber, string Status,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, int? DurationSeconds, long? CostCents,
    string? Sentiment, string? Summary, bool? Successful, string? CustomerId, string? AppointmentId);
