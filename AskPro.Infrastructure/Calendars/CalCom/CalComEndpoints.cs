namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Each Cal.com v2 endpoint AskPro calls, with its <c>cal-api-version</c>, in one table.
/// Without the header Cal.com silently answers in an older format, so every call names one.
/// Bookings: 2024-08-13, not the newer 2026-02-25. Cal.com's source shows 2026-02-25 takes the
/// same inputs and outputs and differs only for seated event types (a cancelled seated booking
/// then still lists its attendees); AskPro books no seated events, and 2024-08-13 is also what
/// self-hosted instances of the last two years understand.
/// <see cref="Retryable"/>: safe to send twice. Reads are; a cancel by uid is (a second cancel
/// changes nothing), and so is deleting a webhook (gone is what was wanted); creating a booking, a reservation or a webhook is not — a lost booking
/// answer is settled by looking the booking up (<c>CalComCalendar</c>), never by re-sending.</summary>
public sealed record CalComEndpoint(string Name, string? Version, bool Retryable)
{
    public static readonly CalComEndpoint Me = new("me", null, true);
    public static readonly CalComEndpoint EventTypes = new("event-types", "2024-06-14", true);
    public static readonly CalComEndpoint Slots = new("slots", "2024-09-04", true);
    public static readonly CalComEndpoint ReserveSlot = new("slots/reservations", "2024-09-04", false);
    public static readonly CalComEndpoint ReleaseSlot = new("slots/reservations/{uid}", "2024-09-04", true);
    public static readonly CalComEndpoint CreateBooking = new("bookings", "2024-08-13", false);
    public static readonly CalComEndpoint GetBooking = new("bookings/{uid}", "2024-08-13", true);
    public static readonly CalComEndpoint FindBookings = new("bookings?…", "2024-08-13", true);
    public static readonly CalComEndpoint CancelBooking = new("bookings/{uid}/cancel", "2024-08-13", true);
    public static readonly CalComEndpoint RescheduleBooking = new("bookings/{uid}/reschedule", "2024-08-13", false);
    public static readonly CalComEndpoint CreateWebhook = new("webhooks", null, false);
    public static readonly CalComEndpoint DeleteWebhook = new("webhooks/{id}", null, true);

    public static readonly IReadOnlyList<CalComEndpoint> All =
        [Me, EventTypes, Slots, ReserveSlot, ReleaseSlot, CreateBooking, GetBooking, FindBookings, CancelBooking, RescheduleBooking, CreateWebhook, DeleteWebhook];
}
