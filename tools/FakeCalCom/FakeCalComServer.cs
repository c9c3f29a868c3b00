using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AskPro.Tools.FakeCalCom;

/// <summary>A stand-in for Cal.com API v2 on a loopback port, with an in-memory calendar
/// (<see cref="FakeCalendar"/>) and switches for every documented failure
/// (<see cref="FaultSwitches"/>). Written from Cal.com's API reference: the formats are Cal.com's,
/// and it is strict where Cal.com is lenient (a wrong <c>cal-api-version</c> is refused here, where
/// Cal.com would silently answer in an older format), so a client mistake shows.</summary>
public sealed class FakeCalComServer : IAsyncDisposable
{
    /// <summary>The versions Cal.com documents per endpoint; /v2/me and webhooks take none.</summary>
    public static readonly IReadOnlyDictionary<string, string> Versions = new Dictionary<string, string>
    {
        ["slots"] = "2024-09-04", ["bookings"] = "2024-08-13", ["event-types"] = "2024-06-14",
    };

    private readonly WebApplication _app;

    private FakeCalComServer(WebApplication app, FakeCalendar calendar)
    {
        _app = app;
        Calendar = calendar;
    }

    public FakeCalendar Calendar { get; }

    /// <summary>The API base, e.g. http://127.0.0.1:5090/v2 (what a company enters as base URL).</summary>
    /// <summary>Fires when the host shuts down (Ctrl+C and SIGTERM are taken by the host's lifetime).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeCalComServer> StartAsync(FakeCalendar? calendar = null, int port = 0, bool log = false)
    {
        calendar ??= FakeCalendar.DemoSalon();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        if (!log) builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeCalComServer(app, calendar);
        server.Map(app);
        await app.StartAsync();
        var address = app.Urls.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v2");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(2));
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(GuardAsync);
        var v2 = app.MapGroup("/v2");
        v2.MapGet("/me", () => Ok(new JsonObject
        {
            ["id"] = 1, ["username"] = "salon-sonnenschein", ["email"] = "owner@salon.demo", ["name"] = "Salon Sonnenschein",
            ["timeZone"] = "Europe/Berlin", ["weekStart"] = "Monday", ["timeFormat"] = 24, ["defaultScheduleId"] = 1,
        }));
        v2.MapGet("/event-types", (HttpRequest r) => Ok(new JsonArray([.. Calendar.EventTypes.Where(e => e.TeamId is null).Select(EventTypeJson)])));
        // A team the key's user is no member of: 403, as Cal.com's team guard answers.
        v2.MapGet("/teams/{teamId:int}/event-types", (int teamId) => Calendar.EventTypes.Any(e => e.TeamId == teamId)
            ? Ok(new JsonArray([.. Calendar.EventTypes.Where(e => e.TeamId == teamId).Select(EventTypeJson)]))
            : Error(403, "ForbiddenException", $"User is not a member of team {teamId}"));
        v2.MapGet("/slots", Slots);
        v2.MapPost("/slots/reservations", ReserveAsync);
        v2.MapDelete("/slots/reservations/{uid}", (string uid) => Calendar.Release(uid) ? Ok(null) : Error(404, "NotFoundException", $"Reserved slot with uid={uid} not found"));
        v2.MapPost("/bookings", CreateBookingAsync);
        v2.MapGet("/bookings", SearchBookings);
        v2.MapGet("/bookings/{uid}", (string uid) => Calendar.Find(uid) is { } b ? Ok(BookingJson(b)) : Error(404, "NotFoundException", $"Booking with uid={uid} was not found in the database"));
        v2.MapPost("/bookings/{uid}/cancel", CancelAsync);
        v2.MapPost("/bookings/{uid}/reschedule", RescheduleAsync);
        v2.MapPost("/webhooks", CreateWebhookAsync);
        v2.MapGet("/webhooks", () => Ok(new JsonArray([.. Calendar.Webhooks.Select(WebhookJson)])));
        v2.MapDelete("/webhooks/{id}", (string id) => Calendar.RemoveWebhook(id) is { } gone
            ? Ok(WebhookJson(gone))
            : Error(404, "NotFoundException", $"Webhook with id {id} not found"));

        // For people running the demo by hand: flip a switch with curl.
        app.MapPost("/_fake/faults", (string fault, int? times, string? path, int? retryAfter) =>
        {
            if (!Enum.TryParse<Fault>(fault, ignoreCase: true, out var f)) return Results.BadRequest($"Unknown fault. Known: {string.Join(", ", Enum.GetNames<Fault>())}");
            Calendar.Faults.Add(new FaultRule(f, times, PathPrefix: path, RetryAfterSeconds: retryAfter ?? 1));
            return Results.Ok();
        });
        app.MapDelete("/_fake/faults", () => { Calendar.Faults.Clear(); return Results.Ok(); });
        app.MapPost("/_fake/latency", (int ms) => { Calendar.Faults.Latency = TimeSpan.FromMilliseconds(Math.Clamp(ms, 0, 60_000)); return Results.Ok(); });
        app.MapGet("/_fake/bookings", () => Results.Json(new JsonArray([.. Calendar.Bookings.Select(BookingJson)])));
    }

    /// <summary>Authentication, the version table, the request log and the switches, before any route.</summary>
    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/v2/", StringComparison.Ordinal)) { await next(context); return; }
        var auth = context.Request.Headers.Authorization.ToString();
        var key = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : "";
        var version = context.Request.Headers["cal-api-version"].FirstOrDefault();
        Calendar.See(new SeenRequest(Calendar.Clock.GetUtcNow(), context.Request.Method, path, key, version));
        context.Items["apiKey"] = key;

        if (Calendar.Faults.Latency > TimeSpan.Zero) await Task.Delay(Calendar.Faults.Latency, context.RequestAborted);
        if (!Calendar.ApiKeys.Contains(key)) { await Write(context, Error(401, "UnauthorizedException", "Invalid API key")); return; }
        var area = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "";
        if (area == "teams") area = "event-types";
        if (Versions.TryGetValue(area, out var expected) && version != expected)
        {
            await Write(context, Error(400, "BadRequestException", $"cal-api-version must be {expected} for /v2/{area} (was '{version}')"));
            return;
        }

        var rule = Calendar.Faults.Take(key, context.Request.Method, path);
        switch (rule?.Fault)
        {
            case null or Fault.BookThenHang or Fault.WrongBooking or Fault.SlotTaken: context.Items["fault"] = rule?.Fault; await next(context); return;
            case Fault.Hang:
                await HangUntilAbortedAsync(context);
                return;
            case Fault.MinimumNotice: await Write(context, Error(400, "BadRequestException", "Attempting to book a meeting within the minimum booking notice.")); return;
            case Fault.MissingField: await Write(context, Error(400, "BadRequestException", "Missing required booking field: attendee.email")); return;
            case Fault.Unauthorized: await Write(context, Error(401, "UnauthorizedException", "Invalid API key")); return;
            case Fault.NotFound: await Write(context, Error(404, "NotFoundException", "Not found")); return;
            case Fault.TooManyRequests:
                context.Response.Headers.RetryAfter = rule.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Write(context, Error(429, "TooManyRequestsException", "ThrottlerException: Too Many Requests"));
                return;
            case Fault.ServerError: await Write(context, Error(500, "InternalServerErrorException", "Internal server error")); return;
        }
    }

    private static Task Write(HttpContext context, IResult result) => result.ExecuteAsync(context);

    /// <summary>A hanging Cal.com: the request stays open, unanswered, until the client gives up.</summary>
    private static Task HangUntilAbortedAsync(HttpContext context)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.RequestAborted.Register(() => aborted.TrySetResult());
        return aborted.Task;
    }

    private IResult Slots(HttpRequest request)
    {
        var q = request.Query;
        if (!int.TryParse(q["eventTypeId"], out var id) || Calendar.EventType(id) is not { } type)
            return Error(404, "NotFoundException", "Event type not found");
        var zone = q["timeZone"].FirstOrDefault();
        TimeZoneInfo? tz = null;
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out tz)) return Error(400, "BadRequestException", "Invalid timeZone");
        if (!TryDay(q["start"], tz, out var from) || !TryDay(q["end"], tz, out var to)) return Error(400, "BadRequestException", "start and end must be dates (YYYY-MM-DD) or ISO instants");
        if (q["end"].ToString().Length == 10) to = to.AddDays(1); // a date as end means the whole day
        var data = new JsonObject();
        foreach (var start in Calendar.FreeStarts(type, from, to, Key(request)))
        {
            var shown = tz is null ? start.ToUniversalTime() : TimeZoneInfo.ConvertTime(start, tz);
            var day = shown.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (data[day] is not JsonArray list) data[day] = list = [];
            list.Add(new JsonObject { ["start"] = tz is null ? shown.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : shown.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) });
        }
        return Ok(data);
    }

    private static bool TryDay(string? text, TimeZoneInfo? zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(text)) return false;
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            instant = new DateTimeOffset(local, (zone ?? TimeZoneInfo.Utc).GetUtcOffset(local));
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private async Task<IResult> ReserveAsync(HttpRequest request)
    {
        var body = await BodyAsync(request);
        if (body?["eventTypeId"]?.GetValue<int>() is not { } id || Calendar.EventType(id) is not { } type) return Error(404, "NotFoundException", "Event type not found");
        if (!Instant(body["slotStart"], out var start)) return Error(400, "BadRequestException", "slotStart must be an ISO 8601 instant");
        var minutes = body["reservationDuration"]?.GetValue<int>() ?? 5;
        if (Calendar.Reserve(type, start, minutes, Key(request)) is not { } r) return Error(422, "UnprocessableEntityException", "This time slot is already reserved by another user");
        return Created(new JsonObject
        {
            ["eventTypeId"] = r.EventTypeId, ["slotStart"] = Utc(r.Start), ["slotEnd"] = Utc(r.End), ["slotDuration"] = type.LengthInMinutes,
            ["reservationUid"] = r.Uid, ["reservationDuration"] = minutes, ["reservationUntil"] = Utc(r.Until),
        });
    }

    private async Task<IResult> CreateBookingAsync(HttpRequest request)
    {
        var context = request.HttpContext;
        var body = await BodyAsync(request);
        if (body is null) return Error(400, "BadRequestException", "Invalid JSON body");
        if (body["eventTypeId"] is not JsonValue idValue || !idValue.TryGetValue<int>(out var id)) return Error(400, "BadRequestException", "eventTypeId must be a number");
        if (Calendar.EventType(id) is not { } type) return Error(404, "NotFoundException", $"Event type with id={id} not found");
        if (!Instant(body["start"], out var start)) return Error(400, "BadRequestException", "start must be an ISO 8601 instant in UTC");
        var attendee = body["attendee"] as JsonObject;
        var name = attendee?["name"]?.GetValue<string>();
        var email = attendee?["email"]?.GetValue<string>();
        var zone = attendee?["timeZone"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(zone))
            return Error(400, "BadRequestException", "Missing required booking field: attendee.name, attendee.email and attendee.timeZone are required");
        var metadata = new Dictionary<string, string>();
        if (body["metadata"] is JsonObject meta)
        {
            if (meta.Count > 50) return Error(400, "BadRequestException", "metadata: at most 50 keys");
            foreach (var (k, v) in meta)
                metadata[k] = v is JsonValue s && s.TryGetValue<string>(out var text) ? text : throw new BadHttpRequestException("metadata values must be strings");
        }
        if (start < Calendar.Clock.GetUtcNow().AddMinutes(Calendar.MinimumNoticeMinutes))
            return Error(400, "BadRequestException", "Attempting to book a meeting within the minimum booking notice.");

        var fault = context.Items["fault"] as Fault?;
        if (fault == Fault.WrongBooking) return Created(BookingJson(Calendar.SomeoneElses(type, email)));
        if (fault == Fault.SlotTaken) return NoOneFree();
        // Cal.com's behaviour with a shared placeholder address: the existing booking comes back.
        if (Calendar.ExistingOf(email) is { } existing && existing.Start == start && existing.EventTypeId == id) return Created(BookingJson(existing));
        var booking = Calendar.TryBook(type, start, name, email, zone, attendee?["phoneNumber"]?.GetValue<string>(), metadata, Key(request));
        if (booking is null) return NoOneFree();
        if (fault == Fault.BookThenHang)
        {
            await HangUntilAbortedAsync(context);
            return Results.Empty;
        }
        return Created(BookingJson(booking));
    }

    private static IResult NoOneFree() => Error(400, "BadRequestException", "User either already has booking at this time or is not available");

    private IResult SearchBookings(HttpRequest request)
    {
        var q = request.Query;
        DateTimeOffset? after = Instant(q["afterStart"].FirstOrDefault(), out var a) ? a : null;
        DateTimeOffset? before = Instant(q["beforeEnd"].FirstOrDefault(), out var b) ? b : null;
        int? type = int.TryParse(q["eventTypeId"], out var t) ? t : null;
        var found = Calendar.Search(q["attendeeEmail"].FirstOrDefault(), type, after, before);
        return Results.Json(new JsonObject
        {
            ["status"] = "success", ["data"] = new JsonArray([.. found.Select(BookingJson)]),
            ["pagination"] = new JsonObject { ["totalItems"] = found.Count, ["remainingItems"] = 0, ["returnedItems"] = found.Count, ["itemsPerPage"] = 100, ["currentPage"] = 1, ["totalPages"] = 1, ["hasNextPage"] = false, ["hasPreviousPage"] = false },
        });
    }

    private async Task<IResult> CancelAsync(string uid, HttpRequest request)
    {
        var body = await BodyAsync(request);
        if (Calendar.Find(uid) is not { } booking) return Error(404, "NotFoundException", $"Booking with uid={uid} was not found in the database");
        if (!booking.IsActive) return Error(400, "BadRequestException", "This booking has already been cancelled.");
        return Ok(BookingJson(Calendar.Cancel(uid, body?["cancellationReason"]?.GetValue<string>())!));
    }

    private async Task<IResult> RescheduleAsync(string uid, HttpRequest request)
    {
        var body = await BodyAsync(request);
        if (Calendar.Find(uid) is not { } booking) return Error(404, "NotFoundException", $"Booking with uid={uid} was not found in the database");
        if (!booking.IsActive) return Error(400, "BadRequestException", "Can't reschedule a cancelled booking.");
        if (!Instant(body?["start"], out var start)) return Error(400, "BadRequestException", "start must be an ISO 8601 instant in UTC");
        if (Calendar.Reschedule(booking, start, Key(request)) is not { } moved) return NoOneFree();
        if (request.HttpContext.Items["fault"] as Fault? == Fault.BookThenHang)
        {
            await HangUntilAbortedAsync(request.HttpContext);
            return Results.Empty;
        }
        return Created(BookingJson(moved));
    }

    private async Task<IResult> CreateWebhookAsync(HttpRequest request)
    {
        var body = await BodyAsync(request);
        var url = body?["subscriberUrl"]?.GetValue<string>();
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _)) return Error(400, "BadRequestException", "subscriberUrl must be a URL");
        var triggers = (body!["triggers"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToList() ?? [];
        var hook = Calendar.AddWebhook(url, triggers, body["active"]?.GetValue<bool>() ?? true, body["secret"]?.GetValue<string>());
        return Created(WebhookJson(hook));
    }

    private static string Key(HttpRequest request) => (string)request.HttpContext.Items["apiKey"]!;

    private static async Task<JsonObject?> BodyAsync(HttpRequest request)
    {
        try { return await JsonNode.ParseAsync(request.Body) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static bool Instant(JsonNode? node, out DateTimeOffset instant)
    {
        instant = default;
        return node is JsonValue v && v.TryGetValue<string>(out var text) && Instant(text, out instant);
    }

    private static bool Instant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is { Length: > 10 } && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static string Utc(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject EventTypeJson(FakeEventType e) => new()
    {
        ["id"] = e.Id, ["slug"] = e.Slug, ["title"] = e.Title, ["lengthInMinutes"] = e.LengthInMinutes, ["teamId"] = e.TeamId,
        ["hosts"] = new JsonArray([.. e.Hosts.Select(h => new JsonObject { ["userId"] = h.Id, ["name"] = h.Name, ["email"] = h.Email })]),
    };

    private static JsonObject BookingJson(FakeBooking b) => new()
    {
        ["id"] = b.Id, ["uid"] = b.Uid, ["title"] = $"Termin zwischen {b.Host.Name} und {b.AttendeeName}", ["status"] = b.Status,
        ["start"] = Utc(b.Start), ["end"] = Utc(b.End), ["duration"] = (int)(b.End - b.Start).TotalMinutes, ["eventTypeId"] = b.EventTypeId,
        ["hosts"] = new JsonArray(new JsonObject { ["id"] = b.Host.Id, ["name"] = b.Host.Name, ["email"] = b.Host.Email, ["timeZone"] = "Europe/Berlin" }),
        ["attendees"] = new JsonArray(new JsonObject
        {
            ["name"] = b.AttendeeName, ["email"] = b.AttendeeEmail, ["timeZone"] = b.AttendeeTimeZone, ["language"] = "de", ["absent"] = false, ["phoneNumber"] = b.AttendeePhone,
        }),
        ["metadata"] = new JsonObject([.. b.Metadata.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value))]),
        ["cancellationReason"] = b.CancellationReason, ["rescheduledFromUid"] = b.RescheduledFromUid, ["rescheduledToUid"] = b.RescheduledToUid,
        ["createdAt"] = Utc(b.CreatedAt),
    };

    private static JsonObject WebhookJson(FakeWebhook w) => new()
    {
        ["id"] = w.Id, ["subscriberUrl"] = w.SubscriberUrl, ["triggers"] = new JsonArray([.. w.Triggers.Select(t => (JsonNode)t)]), ["active"] = w.Active,
    };

    private static IResult Ok(JsonNode? data) => Results.Json(new JsonObject { ["status"] = "success", ["data"] = data });

    private static IResult Created(JsonNode data) => Results.Json(new JsonObject { ["status"] = "success", ["data"] = data }, statusCode: 201);

    /// <summary>Cal.com's error envelope.</summary>
    private static IResult Error(int status, string code, string message) => Results.Json(new JsonObject
    {
        ["status"] = "error", ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    }, statusCode: status);
}
