using System.Diagnostics;
using System.Net;
using AskPro.Tools.FakeCalCom;
using AskPro.Infrastructure.Calendars.CalCom;

namespace AskPro.Tests.Calendars;

/// <summary>The Cal.com v2 client against a fake Cal.com over real HTTP: every endpoint, times
/// with offsets, each documented error, retries only where safe, Retry-After, a circuit per
/// company and the overall timeout.</summary>
public sealed class CalComClientTests : IAsyncLifetime
{
    private CalComClientHost _host = null!;
    private CalComClient Client => _host.Client;
    private static readonly DateOnly Monday = new(2027, 2, 1);

    public async Task InitializeAsync() => _host = await CalComClientHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_endpoint_answers_typed_and_is_called_with_its_cal_api_version()
    {
        var ct = CancellationToken.None;
        var me = await Client.MeAsync(_host.A, ct);
        Assert.Equal("Europe/Berlin", me.Value!.TimeZone);

        _host.Calendar.EventTypes.Add(new FakeEventType(901, "team-beratung", "Team-Beratung", 15, [new(14, "Team", "team@salon.demo")], TeamId: 77));
        var types = (await Client.EventTypesAsync(_host.A, null, ct)).Value!;
        Assert.Equal(["damenhaarschnitt", "herrenhaarschnitt", "faerben", "beratung"], types.Select(t => t.Slug));
        Assert.Equal(60, types[0].LengthInMinutes);
        Assert.Contains(types[0].Hosts, h => h.Email == "anna.schmidt@salon.demo");
        Assert.Equal(901, Assert.Single((await Client.EventTypesAsync(_host.A, 77, ct)).Value!).Id);

        var slots = (await Client.SlotsAsync(_host.A, 102, Monday, Monday, "Europe/Berlin", ct)).Value!;
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(1)), slots[0]);

        var start = new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.FromHours(1));
        var reservation = (await Client.ReserveAsync(_host.A, 102, start, 5, ct)).Value!;
        Assert.False(string.IsNullOrEmpty(reservation.Uid));
        Assert.True((await Client.ReleaseAsync(_host.A, reservation.Uid, ct)).Value);

        var appointmentId = Guid.NewGuid().ToString();
        var booked = (await Client.CreateBookingAsync(_host.A, new NewCalComBooking(102, start,
            new CalComAttendee("Paula Kunde", "paula@example.org", "Europe/Berlin", "+4917612345678"),
            new Dictionary<string, string> { ["askpro_appointment_id"] = appointmentId, ["askpro_call_id"] = "call_1" }), ct)).Value!;
        Assert.Equal(start, booked.Start);
        Assert.Equal(appointmentId, booked.Metadata["askpro_appointment_id"]);
        Assert.Equal(booked.Uid, (await Client.BookingAsync(_host.A, booked.Uid, ct)).Value!.Uid);
        var found = (await Client.FindBookingsAsync(_host.A, "paula@example.org", 102, start.AddHours(-1), start.AddHours(2), ct)).Value!;
        Assert.Equal(booked.Uid, Assert.Single(found).Uid);

        var moved = (await Client.RescheduleAsync(_host.A, booked.Uid, start.AddHours(2), "Kundenwunsch", ct)).Value!;
        Assert.NotEqual(booked.Uid, moved.Uid);
        Assert.Equal(booked.Uid, moved.RescheduledFromUid);
        Assert.Equal(start.AddHours(2), moved.Start);
        Assert.Equal("cancelled", (await Client.CancelAsync(_host.A, moved.Uid, "Abgesagt", ct)).Value!.Status);
        // Cancel goes by uid: the numeric id is not a booking Cal.com knows.
        Assert.Equal(CalComFailure.NotFound, (await Client.CancelAsync(_host.A, moved.Id.ToString(), "x", ct)).Error!.Failure);

        var hook = (await Client.SubscribeAsync(_host.A, new Uri("https://askpro.example/api/webhooks/calcom/demo-salon"), "geheim", ["BOOKING_CREATED"], ct)).Value!;
        Assert.Equal("https://askpro.example/api/webhooks/calcom/demo-salon", hook.SubscriberUrl);
        Assert.Equal("geheim", Assert.Single(_host.Calendar.Webhooks).Secret);
        Assert.True((await Client.DeleteWebhookAsync(_host.A, hook.Id, ct)).Value);
        Assert.Empty(_host.Calendar.Webhooks);
        Assert.Equal(CalComFailure.NotFound, (await Client.DeleteWebhookAsync(_host.A, hook.Id, ct)).Error!.Failure);

        // Every endpoint of the version table was called above.
        foreach (var endpoint in CalComEndpoint.All)
            Assert.Contains(_host.Calendar.Seen, r => Matches(endpoint, r));

        // The fake refuses a wrong cal-api-version, so every answer above proves the header; check the log too.
        foreach (var seen in _host.Calendar.Seen)
        {
            var area = seen.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
            var expected = area == "teams" ? "2024-06-14" : FakeCalComServer.Versions.GetValueOrDefault(area);
            if (expected is not null) Assert.Equal(expected, seen.ApiVersion);
        }
    }

    /// <summary>Does the request seen at the fake belong to the endpoint ("bookings/{uid}/cancel", "bookings?…")?</summary>
    private static bool Matches(CalComEndpoint endpoint, SeenRequest seen)
    {
        var method = endpoint == CalComEndpoint.ReleaseSlot || endpoint == CalComEndpoint.DeleteWebhook ? "DELETE"
            : endpoint == CalComEndpoint.ReserveSlot || endpoint == CalComEndpoint.CreateBooking || endpoint == CalComEndpoint.CancelBooking
              || endpoint == CalComEndpoint.RescheduleBooking || endpoint == CalComEndpoint.CreateWebhook ? "POST" : "GET";
        var pattern = "^/v2/" + System.Text.RegularExpressions.Regex.Escape(endpoint.Name.Replace("?…", "")).Replace(@"\{uid}", "[^/]+").Replace(@"\{id}", "[^/]+") + "$";
        if (endpoint == CalComEndpoint.EventTypes) pattern = "^/v2/(teams/[0-9]+/)?event-types$";
        return seen.Method == method && System.Text.RegularExpressions.Regex.IsMatch(seen.Path, pattern)
            && (endpoint != CalComEndpoint.GetBooking || seen.Method == "GET");
    }

    [Fact]
    public async Task Slot_times_in_UTC_and_with_Berlin_offsets_are_the_same_instants()
    {
        var utc = (await Client.SlotsAsync(_host.A, 101, Monday, Monday.AddDays(1), null, default)).Value!;
        var berlin = (await Client.SlotsAsync(_host.A, 101, Monday, Monday.AddDays(1), "Europe/Berlin", default)).Value!;
        Assert.NotEmpty(utc);
        Assert.Equal(TimeSpan.Zero, utc[0].Offset);
        Assert.Equal(TimeSpan.FromHours(1), berlin[0].Offset);
        Assert.Equal(berlin.Select(s => s.UtcDateTime), utc.Select(s => s.UtcDateTime));
        // 09:00 in Berlin is 08:00 UTC in February, although "08:00Z" < "09:00+01:00" as text.
        Assert.Equal(new DateTime(2027, 2, 1, 8, 0, 0, DateTimeKind.Utc), utc[0].UtcDateTime);
    }

    public static TheoryData<Fault, CalComFailure, HttpStatusCode, string> Errors => new()
    {
        { Fault.MinimumNotice, CalComFailure.MinimumNotice, HttpStatusCode.BadRequest, "Mindestvorlauf" },
        { Fault.MissingField, CalComFailure.MissingField, HttpStatusCode.BadRequest, "Buchungsfeld" },
        { Fault.SlotTaken, CalComFailure.SlotTaken, HttpStatusCode.BadRequest, "belegt" },
        { Fault.Unauthorized, CalComFailure.Unauthorized, HttpStatusCode.Unauthorized, "Authentifizierungsfehler beim Kalender" },
        { Fault.NotFound, CalComFailure.NotFound, HttpStatusCode.NotFound, "kennt diesen Eintrag nicht" },
        { Fault.TooManyRequests, CalComFailure.RateLimited, HttpStatusCode.TooManyRequests, "Zu viele Anfragen" },
        { Fault.ServerError, CalComFailure.ServerError, HttpStatusCode.InternalServerError, "Kalender momentan nicht erreichbar" },
    };

    [Theory, MemberData(nameof(Errors))]
    public async Task Each_documented_error_becomes_a_typed_error_with_German_messages(Fault fault, CalComFailure failure, HttpStatusCode status, string staffWords)
    {
        _host.Calendar.Faults.Add(new FaultRule(fault, Method: "POST", PathPrefix: "/v2/bookings"));
        var result = await Client.CreateBookingAsync(_host.A, new NewCalComBooking(102, new DateTimeOffset(2027, 2, 2, 9, 0, 0, TimeSpan.Zero),
            new CalComAttendee("Paula Kunde", "paula@example.org"), new Dictionary<string, string>()), default);

        var error = Assert.IsType<CalComError>(result.Error);
        Assert.Equal(failure, error.Failure);
        Assert.Equal(status, error.Status);
        Assert.Contains(staffWords, error.StaffMessage);
        Assert.Matches("^[A-ZÄÖÜ].*[.?]$", error.AgentMessage);
        Assert.Empty(_host.Calendar.Bookings);
    }

    /// <summary>The rest of Cal.com's documented answers, by status and message (CONTRACTS.md):
    /// each is typed, has German sentences for staff and the agent, and says whether Cal.com is
    /// unusable or refused this one request, and whether a write may have been done.</summary>
    [Theory]
    [InlineData(403, "Forbidden resource", CalComFailure.Unauthorized, true, false)]
    [InlineData(408, "Request Timeout", CalComFailure.Timeout, true, true)]
    [InlineData(400, "Attempting to book a meeting outside of the booking window", CalComFailure.SchedulingWindow, false, false)]
    [InlineData(400, "The booking is too far in the future", CalComFailure.SchedulingWindow, false, false)]
    [InlineData(409, "Booking already exists", CalComFailure.BadRequest, false, false)]
    [InlineData(422, "This time slot is already reserved by another user", CalComFailure.SlotTaken, false, false)]
    [InlineData(400, "No available users found", CalComFailure.SlotTaken, false, false)]
    [InlineData(503, "Service Unavailable", CalComFailure.ServerError, true, true)]
    [InlineData(502, null, CalComFailure.ServerError, true, true)]
    public void Each_documented_answer_is_typed_with_German_messages(int status, string? message, CalComFailure failure, bool unavailable, bool outcomeUnknown)
    {
        var error = CalComError.FromResponse((HttpStatusCode)status, "SomeException", message, null);
        Assert.Equal(failure, error.Failure);
        Assert.Equal(unavailable, error.Unavailable);
        Assert.Equal(outcomeUnknown, error.OutcomeUnknown);
        Assert.Matches("^[A-ZÄÖÜ].*[.?]$", error.StaffMessage);
        Assert.Matches("^[A-ZÄÖÜ].*[.?]$", error.AgentMessage);
    }

    [Fact]
    public async Task Nothing_listening_is_unreachable_a_broken_answer_is_invalid_and_both_have_German_messages()
    {
        // A port nobody listens on: nothing reached Cal.com, so a booking is certainly not made.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var nowhere = new CalComConnection(CalComClientHost.CompanyB, new Uri($"http://127.0.0.1:{port}/v2"), "k");
        var refused = await Client.CreateBookingAsync(nowhere, new NewCalComBooking(102, new DateTimeOffset(2027, 2, 2, 9, 0, 0, TimeSpan.Zero),
            new CalComAttendee("Paula Kunde", "paula@example.org"), new Dictionary<string, string>()), default);
        Assert.Equal(CalComFailure.Unreachable, refused.Error!.Failure);
        Assert.False(refused.Error.OutcomeUnknown);
        Assert.True(refused.Error.Unavailable);
        Assert.Contains("keine Verbindung zu Cal.com", refused.Error.StaffMessage);
        Assert.Contains("Rückruf", refused.Error.AgentMessage);

        // A 200 that is not Cal.com's envelope (here: the fake's own test route, a bare list).
        var wrongShape = new CalComConnection(CalComClientHost.CompanyB, new Uri(_host.Fake.BaseUrl.ToString().Replace("/v2", "/_fake")), CalComClientHost.KeyB);
        var invalid = await Client.FindBookingsAsync(wrongShape, "paula@example.org", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1), default);
        Assert.Equal(CalComFailure.InvalidResponse, invalid.Error!.Failure);
        Assert.True(invalid.Error.OutcomeUnknown);
        Assert.Contains("unerwartete Antwort", invalid.Error.StaffMessage);
    }

    [Fact]
    public async Task A_hanging_answer_to_a_booking_is_a_timeout_whose_outcome_is_unknown()
    {
        await using var host = await CalComClientHost.StartAsync(new() { ["CalCom:AttemptTimeoutSeconds"] = "0.5", ["CalCom:TotalTimeoutSeconds"] = "1" });
        host.Calendar.Faults.Add(new FaultRule(Fault.BookThenHang));
        var result = await host.Client.CreateBookingAsync(host.A, new NewCalComBooking(102, new DateTimeOffset(2027, 2, 2, 9, 0, 0, TimeSpan.Zero),
            new CalComAttendee("Paula Kunde", "paula@example.org"), new Dictionary<string, string>()), default);
        Assert.Equal(CalComFailure.Timeout, result.Error!.Failure);
        Assert.True(result.Error.OutcomeUnknown);
        Assert.Single(host.Calendar.Bookings); // it did book: only a look-up can tell
    }

    [Fact]
    public async Task Reads_are_retried_after_a_server_error_but_a_booking_is_never_sent_twice()
    {
        _host.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 2, Method: "GET", PathPrefix: "/v2/slots"));
        var slots = await Client.SlotsAsync(_host.A, 102, Monday, Monday, null, default);
        Assert.True(slots.Ok);
        Assert.Equal(3, _host.SeenCount("GET", "/v2/slots"));

        _host.Calendar.Faults.Add(new FaultRule(Fault.ServerError, Times: 1, Method: "POST", PathPrefix: "/v2/bookings"));
        var booking = await Client.CreateBookingAsync(_host.A, new NewCalComBooking(102, new DateTimeOffset(2027, 2, 2, 9, 0, 0, TimeSpan.Zero),
            new CalComAttendee("Paula Kunde", "paula@example.org"), new Dictionary<string, string>()), default);
        Assert.Equal(CalComFailure.ServerError, booking.Error!.Failure);
        Assert.Equal(1, _host.SeenCount("POST", "/v2/bookings"));
        Assert.Empty(_host.Calendar.Bookings);
    }

    [Fact]
    public async Task Retry_After_is_honoured_before_the_next_attempt()
    {
        _host.Calendar.Faults.Add(new FaultRule(Fault.TooManyRequests, Times: 1, PathPrefix: "/v2/me", RetryAfterSeconds: 2));
        var me = await Client.MeAsync(_host.A, default);
        Assert.True(me.Ok);
        var seen = _host.Calendar.Seen.Where(r => r.Path == "/v2/me").ToList();
        Assert.Equal(2, seen.Count);
        Assert.True(seen[1].At - seen[0].At >= TimeSpan.FromSeconds(1.9), $"second attempt after {(seen[1].At - seen[0].At).TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task A_companys_circuit_opens_after_failures_and_closes_after_recovery_while_another_companys_stays_closed()
    {
        _host.Calendar.Faults.Add(new FaultRule(Fault.ServerError, ApiKey: FakeCalendar.DemoApiKey));
        for (var i = 0; i < 3 && _host.Circuits.StateOf(CalComClientHost.CompanyA) != "Open"; i++) await Client.MeAsync(_host.A, default);
        Assert.Equal("Open", _host.Circuits.StateOf(CalComClientHost.CompanyA));

        var sentBefore = _host.SeenCount("GET", "/v2/me");
        var refused = await Client.MeAsync(_host.A, default);
        Assert.Equal(CalComFailure.CircuitOpen, refused.Error!.Failure);
        Assert.Contains("Kalender momentan nicht erreichbar", refused.Error.StaffMessage);
        Assert.Equal(sentBefore, _host.SeenCount("GET", "/v2/me")); // open: nothing sent

        Assert.True((await Client.MeAsync(_host.B, default)).Ok);
        Assert.Equal("Closed", _host.Circuits.StateOf(CalComClientHost.CompanyB));
        Assert.NotEmpty(_host.Circuits.Of(CalComClientHost.CompanyA).LastErrors);

        _host.Calendar.Faults.Clear();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.True((await Client.MeAsync(_host.A, default)).Ok);
        Assert.Equal("Closed", _host.Circuits.StateOf(CalComClientHost.CompanyA));
    }

    [Fact]
    public async Task A_hanging_Cal_com_costs_at_most_the_overall_8_seconds()
    {
        await using var host = await CalComClientHost.StartAsync(new() { ["CalCom:AttemptTimeoutSeconds"] = "3", ["CalCom:TotalTimeoutSeconds"] = "8" });
        host.Calendar.Faults.Add(new FaultRule(Fault.Hang));
        var watch = Stopwatch.StartNew();
        var result = await host.Client.SlotsAsync(host.A, 102, Monday, Monday, null, default);
        watch.Stop();
        Assert.Equal(CalComFailure.Timeout, result.Error!.Failure);
        Assert.InRange(watch.Elapsed.TotalSeconds, 5.9, 8.5); // two 3-s attempts at least, never past the 8 s
        Assert.True(host.SeenCount("GET", "/v2/slots") >= 2);
    }
}
