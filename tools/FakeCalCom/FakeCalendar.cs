namespace AskPro.Tools.FakeCalCom;

public sealed record FakeHost(int Id, string Name, string Email);

public sealed record FakeEventType(int Id, string Slug, string Title, int LengthInMinutes, IReadOnlyList<FakeHost> Hosts, int? TeamId = null);

public sealed class FakeBooking
{
    public required int Id { get; init; }
    public required string Uid { get; init; }
    public required int EventTypeId { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset End { get; init; }
    public required FakeHost Host { get; init; }
    public required string AttendeeName { get; init; }
    public required string AttendeeEmail { get; init; }
    public string AttendeeTimeZone { get; init; } = "Europe/Berlin";
    public string? AttendeePhone { get; init; }
    public Dictionary<string, string> Metadata { get; init; } = [];
    public string Status { get; set; } = "accepted";
    public string? CancellationReason { get; set; }
    public string? RescheduledFromUid { get; init; }
    public string? RescheduledToUid { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public bool IsActive => Status == "accepted";
}

public sealed record FakeReservation(string Uid, string ApiKey, int EventTypeId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Until);

public sealed record FakeWebhook(string Id, string SubscriberUrl, IReadOnlyList<string> Triggers, bool Active, string? Secret);

/// <summary>One request as the fake saw it: to count calls per key (rate limits) and check the
/// version header each endpoint was called with.</summary>
public sealed record SeenRequest(DateTimeOffset At, string Method, string Path, string ApiKey, string? ApiVersion);

/// <summary>The in-memory calendar behind the fake: event types with hosts, bookings, slot
/// reservations, webhook subscriptions. Opening hours are the demo salon's (Europe/Berlin,
/// Mo–Fr 09–18, Sa 09–14) on a 15-minute grid; a start is free when one of the event type's hosts
/// has neither a booking nor someone else's reservation then.</summary>
public sealed class FakeCalendar(TimeProvider clock)
{
    public const string DemoApiKey = "demo-calcom-key";
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly object _gate = new();
    private readonly List<FakeBooking> _bookings = [];
    private readonly List<FakeReservation> _reservations = [];
    private readonly List<FakeWebhook> _webhooks = [];
    private readonly List<SeenRequest> _seen = [];
    private int _nextId = 5000;

    public TimeProvider Clock => clock;
    public HashSet<string> ApiKeys { get; } = [DemoApiKey];
    public List<FakeEventType> EventTypes { get; } = [];
    public int SlotIntervalMinutes { get; set; } = 15;
    public int MinimumNoticeMinutes { get; set; }
    public FaultSwitches Faults { get; } = new();

    /// <summary>The demo salon's Cal.com (CONTRACTS.md "Demo:CalComBaseUrl").</summary>
    public static FakeCalendar DemoSalon(TimeProvider? clock = null)
    {
        var calendar = new FakeCalendar(clock ?? TimeProvider.System);
        FakeHost[] hosts = [new(11, "Anna Schmidt", "anna.schmidt@salon.demo"), new(12, "Mehmet Yılmaz", "mehmet.yilmaz@salon.demo"), new(13, "Julia Weber", "julia.weber@salon.demo")];
        calendar.EventTypes.AddRange([
            new FakeEventType(101, "damenhaarschnitt", "Damenhaarschnitt", 60, hosts),
            new FakeEventType(102, "herrenhaarschnitt", "Herrenhaarschnitt", 30, hosts),
            new FakeEventType(103, "faerben", "Färben", 120, hosts),
            new FakeEventType(104, "beratung", "Beratung", 15, hosts),
        ]);
        return calendar;
    }

    public IReadOnlyList<FakeBooking> Bookings { get { lock (_gate) return [.. _bookings]; } }
    public IReadOnlyList<FakeWebhook> Webhooks { get { lock (_gate) return [.. _webhooks]; } }

    /// <summary>Unexpired slot reservations.</summary>
    public IReadOnlyList<FakeReservation> Reservations { get { lock (_gate) return [.. _reservations.Where(r => r.Until > clock.GetUtcNow())]; } }
    public IReadOnlyList<SeenRequest> Seen { get { lock (_gate) return [.. _seen]; } }

    internal void See(SeenRequest request) { lock (_gate) _seen.Add(request); }

    public FakeEventType? EventType(int id) => EventTypes.FirstOrDefault(e => e.Id == id);

    /// <summary>Free starts of an event type between two instants.</summary>
    public IReadOnlyList<DateTimeOffset> FreeStarts(FakeEventType type, DateTimeOffset from, DateTimeOffset to, string apiKey)
    {
        var result = new List<DateTimeOffset>();
        var earliest = clock.GetUtcNow().AddMinutes(MinimumNoticeMinutes);
        var length = TimeSpan.FromMinutes(type.LengthInMinutes);
        lock (_gate)
        {
            for (var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Berlin).DateTime); day <= DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, Berlin).DateTime); day = day.AddDays(1))
            {
                if (Opening(day) is not var (opens, closes)) continue;
                for (var local = day.ToDateTime(opens); local + length <= day.ToDateTime(closes); local = local.AddMinutes(SlotIntervalMinutes))
                {
                    var start = new DateTimeOffset(local, Berlin.GetUtcOffset(local)).ToUniversalTime();
                    if (start < from || start >= to || start < earliest) continue;
                    if (FreeHost(type, start, start + length, apiKey, null) is not null) result.Add(start);
                }
            }
        }
        return result;
    }

    private static (TimeOnly Opens, TimeOnly Closes)? Opening(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Sunday => null,
        DayOfWeek.Saturday => (new TimeOnly(9, 0), new TimeOnly(14, 0)),
        _ => (new TimeOnly(9, 0), new TimeOnly(18, 0)),
    };

    private FakeHost? FreeHost(FakeEventType type, DateTimeOffset start, DateTimeOffset end, string apiKey, string? ignoreBooking)
    {
        var now = clock.GetUtcNow();
        var reservedByOthers = _reservations.Any(r => r.EventTypeId == type.Id && r.ApiKey != apiKey && r.Until > now && r.Start < end && start < r.End);
        if (reservedByOthers) return null;
        return type.Hosts.FirstOrDefault(h => !_bookings.Any(b => b.IsActive && b.Uid != ignoreBooking && b.Host.Email == h.Email && b.Start < end && start < b.End));
    }

    private bool Bookable(DateTimeOffset start, int minutes)
    {
        var local = TimeZoneInfo.ConvertTime(start, Berlin);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Opening(day) is var (opens, closes) && time >= opens && time.AddMinutes(minutes) <= closes && time.AddMinutes(minutes) > time;
    }

    /// <summary>Books if a host is free; null when none is (Cal.com's "no available users").</summary>
    public FakeBooking? TryBook(FakeEventType type, DateTimeOffset start, string name, string email, string timeZone, string? phone,
        Dictionary<string, string> metadata, string apiKey, string? rescheduledFrom = null)
    {
        var end = start.AddMinutes(type.LengthInMinutes);
        lock (_gate)
        {
            if (!Bookable(start, type.LengthInMinutes) || FreeHost(type, start, end, apiKey, rescheduledFrom) is not { } host) return null;
            var booking = new FakeBooking
            {
                Id = ++_nextId, Uid = Guid.NewGuid().ToString("N")[..22], EventTypeId = type.Id, Start = start, End = end, Host = host,
                AttendeeName = name, AttendeeEmail = email, AttendeeTimeZone = timeZone, AttendeePhone = phone, Metadata = metadata,
                RescheduledFromUid = rescheduledFrom, CreatedAt = clock.GetUtcNow(),
            };
            _bookings.Add(booking);
            _reservations.RemoveAll(r => r.ApiKey == apiKey && r.EventTypeId == type.Id && r.Start == start);
            return booking;
        }
    }

    /// <summary>What Cal.com does with a shared placeholder e-mail: an active booking of that
    /// attendee is handed back instead of a new one.</summary>
    public FakeBooking? ExistingOf(string email)
    {
        lock (_gate) return _bookings.FirstOrDefault(b => b.IsActive && b.AttendeeEmail == email);
    }

    /// <summary>Another active booking than the caller's (the "wrong booking" switch).</summary>
    public FakeBooking SomeoneElses(FakeEventType type, string email)
    {
        lock (_gate)
        {
            var other = _bookings.FirstOrDefault(b => b.IsActive && b.AttendeeEmail != email);
            if (other is not null) return other;
            var start = clock.GetUtcNow().AddDays(30);
            other = new FakeBooking
            {
                Id = ++_nextId, Uid = "other-" + Guid.NewGuid().ToString("N")[..16], EventTypeId = type.Id, Start = start, End = start.AddMinutes(type.LengthInMinutes),
                Host = type.Hosts[0], AttendeeName = "Jemand Anderes", AttendeeEmail = "jemand.anderes@example.org",
                Metadata = new() { ["askpro_appointment_id"] = Guid.NewGuid().ToString() }, CreatedAt = clock.GetUtcNow(),
            };
            _bookings.Add(other);
            return other;
        }
    }

    public FakeBooking? Find(string uid)
    {
        lock (_gate) return _bookings.FirstOrDefault(b => b.Uid == uid);
    }

    public IReadOnlyList<FakeBooking> Search(string? attendeeEmail, int? eventTypeId, DateTimeOffset? afterStart, DateTimeOffset? beforeEnd)
    {
        lock (_gate)
            return _bookings.Where(b => (attendeeEmail is null || b.AttendeeEmail == attendeeEmail) && (eventTypeId is null || b.EventTypeId == eventTypeId)
                && (afterStart is null || b.Start >= afterStart) && (beforeEnd is null || b.End <= beforeEnd)).ToList();
    }

    public FakeBooking? Cancel(string uid, string? reason)
    {
        lock (_gate)
        {
            var booking = _bookings.FirstOrDefault(b => b.Uid == uid);
            if (booking is null) return null;
            booking.Status = "cancelled";
            booking.CancellationReason = reason;
            return booking;
        }
    }

    /// <summary>A move is a new booking with a new uid; the old one is cancelled and points to it.</summary>
    public FakeBooking? Reschedule(FakeBooking old, DateTimeOffset start, string apiKey)
    {
        var type = EventType(old.EventTypeId)!;
        lock (_gate)
        {
            var moved = TryBook(type, start, old.AttendeeName, old.AttendeeEmail, old.AttendeeTimeZone, old.AttendeePhone, old.Metadata, apiKey, old.Uid);
            if (moved is null) return null;
            old.Status = "cancelled";
            old.RescheduledToUid = moved.Uid;
            return moved;
        }
    }

    public FakeReservation? Reserve(FakeEventType type, DateTimeOffset start, int minutes, string apiKey)
    {
        var end = start.AddMinutes(type.LengthInMinutes);
        lock (_gate)
        {
            if (FreeHost(type, start, end, apiKey, null) is null) return null;
            var reservation = new FakeReservation(Guid.NewGuid().ToString(), apiKey, type.Id, start, end, clock.GetUtcNow().AddMinutes(minutes));
            _reservations.Add(reservation);
            return reservation;
        }
    }

    public bool Release(string uid)
    {
        lock (_gate) return _reservations.RemoveAll(r => r.Uid == uid) > 0;
    }

    public FakeWebhook? RemoveWebhook(string id)
    {
        lock (_gate)
        {
            var hook = _webhooks.FirstOrDefault(w => w.Id == id);
            if (hook is not null) _webhooks.Remove(hook);
            return hook;
        }
    }

    public FakeWebhook AddWebhook(string url, IReadOnlyList<string> triggers, bool active, string? secret)
    {
        lock (_gate)
        {
            var hook = new FakeWebhook(Guid.NewGuid().ToString(), url, triggers, active, secret);
            _webhooks.Add(hook);
            return hook;
        }
    }
}
