using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Typed Cal.com API v2 client: the only place that knows Cal.com's field names. Every
/// call goes through the company's resilience pipeline (<see cref="CalComResilience"/>: timeouts,
/// retries where safe, the company's own circuit breaker and rate limiter) and comes back as a
/// <see cref="CalComResult{T}"/>. Instants are parsed with their offsets (a time without one is
/// UTC, as Cal.com documents) and sent in UTC.</summary>
public sealed class CalComClient(HttpClient http, CalComCircuits circuits, ILogger<CalComClient> logger)
{
    public Task<CalComResult<CalComMe>> MeAsync(CalComConnection connection, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.Me, HttpMethod.Get, "me", null, data => new CalComMe(
            Int(data, "id") ?? 0, Str(data, "email"), Str(data, "username"), Str(data, "timeZone")), ct);

    /// <summary>The user's event types, or a team's (<paramref name="teamId"/>).</summary>
    public Task<CalComResult<IReadOnlyList<CalComEventType>>> EventTypesAsync(CalComConnection connection, int? teamId, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.EventTypes, HttpMethod.Get, teamId is null ? "event-types" : $"teams/{teamId}/event-types", null,
            data => (IReadOnlyList<CalComEventType>)Items(data).Select(EventType).ToList(), ct);

    /// <summary>Free starts of an event type from one day to another (both inclusive). Without
    /// <paramref name="timeZone"/> the days and times are UTC.</summary>
    public Task<CalComResult<IReadOnlyList<DateTimeOffset>>> SlotsAsync(CalComConnection connection, int eventTypeId, DateOnly from, DateOnly to, string? timeZone,
        CancellationToken ct)
    {
        var query = $"slots?eventTypeId={eventTypeId}&start={from:yyyy-MM-dd}&end={to:yyyy-MM-dd}" + (timeZone is null ? "" : "&timeZone=" + Uri.EscapeDataString(timeZone));
        return SendAsync(connection, CalComEndpoint.Slots, HttpMethod.Get, query, null, data =>
        {
            if (data.ValueKind != JsonValueKind.Object) throw new FormatException("slots: data is not an object");
            return (IReadOnlyList<DateTimeOffset>)data.EnumerateObject()
                .SelectMany(day => day.Value.EnumerateArray().Select(s => Instant(s, "start")))
                .Order().ToList();
        }, ct);
    }

    /// <summary>Holds a start in Cal.com for a few minutes, so Cal.com's own booking page cannot sell it meanwhile.</summary>
    public Task<CalComResult<CalComReservation>> ReserveAsync(CalComConnection connection, int eventTypeId, DateTimeOffset start, int minutes, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.ReserveSlot, HttpMethod.Post, "slots/reservations",
            new JsonObject { ["eventTypeId"] = eventTypeId, ["slotStart"] = Utc(start), ["reservationDuration"] = minutes },
            data => new CalComReservation(Str(data, "reservationUid") ?? throw new FormatException("no reservationUid"), Instant(data, "reservationUntil")), ct);

    public Task<CalComResult<bool>> ReleaseAsync(CalComConnection connection, string reservationUid, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.ReleaseSlot, HttpMethod.Delete, "slots/reservations/" + Uri.EscapeDataString(reservationUid), null, _ => true, ct);

    public Task<CalComResult<CalComBooking>> CreateBookingAsync(CalComConnection connection, NewCalComBooking booking, CancellationToken ct)
    {
        var attendee = new JsonObject
        {
            ["name"] = booking.Attendee.Name, ["email"] = booking.Attendee.Email, ["timeZone"] = booking.Attendee.TimeZone ?? "Europe/Berlin",
            ["language"] = booking.Attendee.Language,
        };
        if (booking.Attendee.PhoneNumber is { } phone) attendee["phoneNumber"] = phone;
        var body = new JsonObject
        {
            ["eventTypeId"] = booking.EventTypeId, ["start"] = Utc(booking.Start), ["attendee"] = attendee,
            ["metadata"] = new JsonObject([.. booking.Metadata.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value))]),
        };
        return SendAsync(connection, CalComEndpoint.CreateBooking, HttpMethod.Post, "bookings", body, Booking, ct);
    }

    public Task<CalComResult<CalComBooking>> BookingAsync(CalComConnection connection, string uid, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.GetBooking, HttpMethod.Get, "bookings/" + Uri.EscapeDataString(uid), null, Booking, ct);

    /// <summary>Bookings of one attendee e-mail with an event type, starting inside a range.
    /// Cal.com cannot filter by metadata: the caller matches <c>Metadata</c> itself.</summary>
    public Task<CalComResult<IReadOnlyList<CalComBooking>>> FindBookingsAsync(CalComConnection connection, string attendeeEmail, int? eventTypeId,
        DateTimeOffset afterStart, DateTimeOffset beforeEnd, CancellationToken ct)
    {
        var query = $"bookings?attendeeEmail={Uri.EscapeDataString(attendeeEmail)}&afterStart={Uri.EscapeDataString(Utc(afterStart))}&beforeEnd={Uri.EscapeDataString(Utc(beforeEnd))}"
            + (eventTypeId is null ? "" : $"&eventTypeId={eventTypeId}");
        return SendAsync(connection, CalComEndpoint.FindBookings, HttpMethod.Get, query, null,
            data => (IReadOnlyList<CalComBooking>)Items(data).Select(Booking).ToList(), ct);
    }

    /// <summary>Cancels by uid (a numeric id is not accepted by Cal.com).</summary>
    public Task<CalComResult<CalComBooking>> CancelAsync(CalComConnection connection, string uid, string reason, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.CancelBooking, HttpMethod.Post, $"bookings/{Uri.EscapeDataString(uid)}/cancel",
            new JsonObject { ["cancellationReason"] = reason }, Booking, ct);

    /// <summary>Moves by uid; Cal.com answers with a new booking (a new uid, the old one in <c>RescheduledFromUid</c>).</summary>
    public Task<CalComResult<CalComBooking>> RescheduleAsync(CalComConnection connection, string uid, DateTimeOffset start, string reason, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.RescheduleBooking, HttpMethod.Post, $"bookings/{Uri.EscapeDataString(uid)}/reschedule",
            new JsonObject { ["start"] = Utc(start), ["reschedulingReason"] = reason }, Booking, ct);

    /// <summary>Subscribes this installation to the company's booking events, signed with <paramref name="secret"/>.</summary>
    public Task<CalComResult<CalComWebhook>> SubscribeAsync(CalComConnection connection, Uri subscriberUrl, string secret, IReadOnlyList<string> triggers,
        CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.CreateWebhook, HttpMethod.Post, "webhooks", new JsonObject
        {
            ["subscriberUrl"] = subscriberUrl.ToString(), ["triggers"] = new JsonArray([.. triggers.Select(t => (JsonNode)t)]), ["active"] = true, ["secret"] = secret,
        }, data => new CalComWebhook(Str(data, "id") ?? Int(data, "id")?.ToString(CultureInfo.InvariantCulture) ?? "", Str(data, "subscriberUrl") ?? "", Bool(data, "active") ?? true), ct);

    /// <summary>Deletes a webhook subscription (the one a new registration replaced).</summary>
    public Task<CalComResult<bool>> DeleteWebhookAsync(CalComConnection connection, string webhookId, CancellationToken ct) =>
        SendAsync(connection, CalComEndpoint.DeleteWebhook, HttpMethod.Delete, "webhooks/" + Uri.EscapeDataString(webhookId), null, _ => true, ct);

    private async Task<CalComResult<T>> SendAsync<T>(CalComConnection connection, CalComEndpoint endpoint, HttpMethod method, string relative, JsonObject? body,
        Func<JsonElement, T> read, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(connection.BaseUrl.ToString().TrimEnd('/') + "/" + relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.ApiKey);
        if (endpoint.Version is { } version) request.Headers.Add("cal-api-version", version);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        CalComResilience.Tag(request, connection.CompanyId, endpoint.Retryable);

        var result = await ExchangeAsync(request, read, ct);
        if (result.Error is { } error)
        {
            circuits.Failed(connection.CompanyId, endpoint.Name, error);
            logger.LogWarning("Cal.com {Endpoint} for company {CompanyId} failed: {Failure} ({Status} {Code})", endpoint.Name, connection.CompanyId,
                error.Failure, (int?)error.Status, error.Code);
        }
        return result;
    }

    private async Task<CalComResult<T>> ExchangeAsync<T>(HttpRequestMessage request, Func<JsonElement, T> read, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            using var document = Parse(text);
            if (!response.IsSuccessStatusCode)
            {
                var envelope = document?.RootElement is { ValueKind: JsonValueKind.Object } root
                    ? root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root
                    : default;
                return CalComError.FromResponse(response.StatusCode, Str(envelope, "code"), Str(envelope, "message"), RetryAfter(response));
            }
            if (document?.RootElement is not { ValueKind: JsonValueKind.Object } ok || !ok.TryGetProperty("data", out var data))
                return new CalComError(CalComFailure.InvalidResponse, response.StatusCode, Detail: "no data");
            return read(data);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (BrokenCircuitException) { return new CalComError(CalComFailure.CircuitOpen); }
        catch (RateLimiterRejectedException ex) { return new CalComError(CalComFailure.RateLimited, RetryAfter: ex.RetryAfter); }
        catch (Exception ex) when (ex is TimeoutRejectedException or OperationCanceledException) { return new CalComError(CalComFailure.Timeout); }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return new CalComError(CalComFailure.Unreachable, Detail: ex.HttpRequestError.ToString());
        }
        catch (HttpRequestException ex) { return new CalComError(CalComFailure.Network, Detail: ex.HttpRequestError.ToString()); }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException or JsonException)
        {
            return new CalComError(CalComFailure.InvalidResponse, Detail: ex.Message);
        }
    }

    private static JsonDocument? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 }); }
        catch (JsonException) { return null; }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static IEnumerable<JsonElement> Items(JsonElement data) =>
        data.ValueKind == JsonValueKind.Array ? data.EnumerateArray()
        : data.ValueKind == JsonValueKind.Object && data.TryGetProperty("eventTypeGroups", out _) ? throw new FormatException("old event types format")
        : throw new FormatException("data is not a list");

    private static CalComEventType EventType(JsonElement e) => new(
        Int(e, "id") ?? throw new FormatException("event type without id"), Str(e, "slug") ?? "", Str(e, "title") ?? "",
        Int(e, "lengthInMinutes") ?? Int(e, "length") ?? 0, Hosts(e), Int(e, "teamId"));

    private static CalComBooking Booking(JsonElement b)
    {
        var attendees = b.TryGetProperty("attendees", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => new CalComAttendee(Str(a, "name") ?? "", Str(a, "email") ?? "", Str(a, "timeZone"), Str(a, "phoneNumber"))).ToList()
            : [];
        var metadata = new Dictionary<string, string>();
        if (b.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
            foreach (var p in meta.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.String) metadata[p.Name] = p.Value.GetString()!;
        return new CalComBooking(Int(b, "id") ?? 0, Str(b, "uid") ?? throw new FormatException("booking without uid"), Str(b, "status") ?? "",
            Instant(b, "start"), Instant(b, "end"), Int(b, "eventTypeId"), attendees, Hosts(b), metadata, Str(b, "rescheduledFromUid"));
    }

    private static List<CalComHost> Hosts(JsonElement e) =>
        e.TryGetProperty("hosts", out var hosts) && hosts.ValueKind == JsonValueKind.Array
            ? hosts.EnumerateArray().Select(h => new CalComHost(Int(h, "userId") ?? Int(h, "id"), Str(h, "name"), Str(h, "email"))).ToList()
            : [];

    /// <summary>An instant with its offset ("…Z", "…+01:00"); one without is UTC, as Cal.com documents.</summary>
    internal static DateTimeOffset Instant(JsonElement e, string property) =>
        Str(e, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new FormatException($"{property} is not an ISO 8601 instant");

    internal static string Utc(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Str(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static bool? Bool(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
