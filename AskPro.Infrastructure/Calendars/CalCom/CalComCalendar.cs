using System.Text.Json;
using AskPro.Core.Booking;
using AskPro.Core.Calendars;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Booking;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>Cal.com as a company's calendar. Free time: Cal.com's slots of the service's event
/// type, cached per company, event type and UTC day for 60 s in the day's availability area (so
/// every booking, move and cancellation that drops AskPro's cached availability of a day drops
/// Cal.com's slots of that day too); AskPro's own appointments and holds are added by
/// <c>FindFreeSlots</c>. A booking goes to Cal.com with the customer's own e-mail, or a stable
/// alias per customer, and metadata naming our appointment: an answer carrying anyone else's
/// booking is refused, and a lost answer is settled by looking the booking up by that metadata
/// before it is ever sent again.</summary>
public sealed class CalComCalendar(
    CalComClient client, AskProDbContext db, SecretProtector secrets, ITenantDirectory directory, ITenantCache cache, ITenantContext tenant)
{
    public static readonly TimeSpan SlotsFor = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan EventTypesFor = TimeSpan.FromMinutes(5);
    public const string EventTypesArea = "calcom-event-types";
    public const string AppointmentKey = "askpro_appointment_id";

    /// <summary>The company's active Cal.com settings (null: the built-in calendar), from the directory snapshot.</summary>
    public async Task<CalComSettings?> SettingsAsync(CancellationToken ct) => (await directory.GetAsync(ct)).CalCom;

    private async Task<CalComConnection> ConnectionAsync(CancellationToken ct)
    {
        var settings = await SettingsAsync(ct) ?? throw new InvalidOperationException("The company has no active Cal.com connection.");
        return new CalComConnection(tenant.RequireTenant().Value, new Uri(settings.BaseUrl), secrets.Unprotect(settings.ApiKeyProtected));
    }

    /// <summary>Busy time per staff member: outside the free slots of the event type their
    /// service is booked as (their own where mapped, else the service's).</summary>
    public async Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(Service service, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct)
    {
        var company = await directory.GetAsync(ct);
        var busy = new List<BusyTime>();
        foreach (var group in staffIds.GroupBy(s => company.CalComEventTypeFor(service.Id, s) ?? service.CalComEventTypeId))
        {
            // A service without an event type cannot be booked in Cal.com: nothing of it is free.
            var outside = group.Key is { } eventType ? OutsideFree(await FreeStartsAsync(eventType, range, ct), service.Duration, range) : [range];
            busy.AddRange(group.SelectMany(s => outside.Select(b => new BusyTime(s, b))));
        }
        return busy;
    }

    /// <summary>The parts of the range in which no free start's service fits.</summary>
    private static List<TimeInterval> OutsideFree(List<DateTime> starts, TimeSpan duration, TimeInterval range)
    {
        var free = new List<TimeInterval>();
        foreach (var start in starts.Order())
        {
            var end = start + duration;
            if (free.Count > 0 && free[^1].End >= start) free[^1] = new TimeInterval(free[^1].Start, end > free[^1].End ? end : free[^1].End);
            else free.Add(new TimeInterval(start, end));
        }
        var busy = new List<TimeInterval>();
        var cursor = range.Start;
        foreach (var window in free)
        {
            if (window.Start > cursor) busy.Add(new TimeInterval(cursor, window.Start < range.End ? window.Start : range.End));
            if (window.End > cursor) cursor = window.End;
            if (cursor >= range.End) break;
        }
        if (cursor < range.End) busy.Add(new TimeInterval(cursor, range.End));
        return busy.Where(b => b.End > b.Start).ToList();
    }

    /// <summary>The company's event types (its team's when it names one), cached 5 minutes:
    /// they change in Cal.com's settings, not with bookings.</summary>
    public async Task<CalComResult<IReadOnlyList<CalComEventType>>> EventTypesAsync(CancellationToken ct)
    {
        var teamId = (await SettingsAsync(ct))?.TeamId;
        var key = "event-types:" + (teamId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "user");
        if (await cache.GetAsync(EventTypesArea, key, ct) is { } cached) return new(JsonSerializer.Deserialize<List<CalComEventType>>(cached)!, null);
        var answer = await client.EventTypesAsync(await ConnectionAsync(ct), teamId, ct);
        if (answer.Value is { } types) await cache.SetAsync(EventTypesArea, key, JsonSerializer.Serialize(types), EventTypesFor, ct);
        return answer;
    }

    /// <summary>Drops the company's cached event types (its connection or mapping changed).</summary>
    public Task ForgetEventTypesAsync(CancellationToken ct) => cache.InvalidateAsync(EventTypesArea, ct);

    /// <summary>Loads the event type's free slots of the range into the cache (the warm-up); at
    /// most one Cal.com request, none when every day is cached already.</summary>
    public async Task<bool> WarmAsync(int eventType, TimeInterval range, CancellationToken ct) => (await ReadFreeStartsAsync(eventType, range, ct)).Fetched;

    private async Task<List<DateTime>> FreeStartsAsync(int eventType, TimeInterval range, CancellationToken ct) => (await ReadFreeStartsAsync(eventType, range, ct)).Starts;

    private async Task<(List<DateTime> Starts, bool Fetched)> ReadFreeStartsAsync(int eventType, TimeInterval range, CancellationToken ct)
    {
        var key = $"calcom-slots:{eventType}";
        var starts = new List<DateTime>();
        var missing = new List<DateTime>();
        foreach (var day in BookedTime.UtcDays(range).Select(d => d.Start.Date).Distinct())
        {
            if (await cache.GetAsync(BookedTime.CacheArea(day), key, ct) is { } cached) starts.AddRange(JsonSerializer.Deserialize<List<long>>(cached)!.Select(t => new DateTime(t, DateTimeKind.Utc)));
            else missing.Add(day);
        }
        if (missing.Count == 0) return (starts.Where(s => s >= range.Start && s < range.End).ToList(), false);

        var answer = await client.SlotsAsync(await ConnectionAsync(ct), eventType, DateOnly.FromDateTime(missing[0]), DateOnly.FromDateTime(missing[^1]), null, ct);
        if (answer.Error is { } error) throw new CalendarUnavailableException(error.StaffMessage, error.AgentMessage);
        var fetched = answer.Value!.Select(s => s.UtcDateTime).ToList();
        foreach (var day in missing)
        {
            var ofDay = fetched.Where(s => s.Date == day).ToList();
            await cache.SetAsync(BookedTime.CacheArea(day), key, JsonSerializer.Serialize(ofDay.Select(s => s.Ticks)), SlotsFor, ct);
            starts.AddRange(ofDay);
        }
        return (starts.Where(s => s >= range.Start && s < range.End).ToList(), true);
    }

    public async Task<CalendarAnswer> BookedAsync(Appointment appointment, CancellationToken ct)
    {
        var company = await directory.GetAsync(ct);
        if (company.CalComEventTypeFor(appointment.ServiceId, appointment.StaffId) is not { } eventType)
            return new CalendarAnswer.Refused("The service has no Cal.com event type.", "Diese Leistung kann ich gerade nicht buchen. Soll jemand Sie zurückrufen?", false);
        var connection = await ConnectionAsync(ct);
        var settings = (await SettingsAsync(ct))!;
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == appointment.CustomerId, ct);
        var attendee = new CalComAttendee(customer.Name, customer.Email ?? settings.AliasFor(customer.Id),
            company.Branch(appointment.BranchId)?.TimeZoneId ?? company.Company.TimeZoneId, customer.Phone?.Value);
        var request = new NewCalComBooking(eventType, new DateTimeOffset(appointment.StartUtc), attendee, new Dictionary<string, string>
        {
            [AppointmentKey] = appointment.Id.ToString(), ["askpro_call_id"] = appointment.CallId?.ToString() ?? "", ["askpro_customer_id"] = customer.Id.ToString(),
        });

        for (var attempt = 1; ; attempt++)
        {
            var result = await client.CreateBookingAsync(connection, request, ct);
            if (result.Value is { } booking)
                return IsOurs(booking, appointment)
                    ? new CalendarAnswer.Accepted(booking.Uid)
                    : Refused(new CalComError(CalComFailure.WrongBooking));
            if (!result.Error!.OutcomeUnknown) return Refused(result.Error);

            // The answer was lost: only a look-up by our metadata can tell whether it was booked.
            switch (await FindOwnAsync(connection, appointment, attendee.Email, eventType, ct))
            {
                case Lookup.Found found: return new CalendarAnswer.Accepted(found.Uid);
                case Lookup.Failed failed: return new CalendarAnswer.Unknown(failed.Reason);
            }
            if (attempt == 2) return new CalendarAnswer.Unknown(result.Error.StaffMessage);
        }
    }

    /// <summary>Is the appointment booked in Cal.com? By its attendee e-mail, event type and
    /// start, matched on our appointment id in the metadata (Cal.com cannot filter by it).</summary>
    public async Task<Lookup> FindOwnAsync(Appointment appointment, CancellationToken ct)
    {
        var company = await directory.GetAsync(ct);
        var settings = await SettingsAsync(ct);
        if (settings is null || company.CalComEventTypeFor(appointment.ServiceId, appointment.StaffId) is not { } eventType) return new Lookup.Failed("not connected");
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == appointment.CustomerId, ct);
        return await FindOwnAsync(await ConnectionAsync(ct), appointment, customer.Email ?? settings.AliasFor(customer.Id), eventType, ct);
    }

    private async Task<Lookup> FindOwnAsync(CalComConnection connection, Appointment appointment, string email, int eventType, CancellationToken ct)
    {
        var start = new DateTimeOffset(appointment.StartUtc);
        var found = await client.FindBookingsAsync(connection, email, eventType, start.AddMinutes(-1), new DateTimeOffset(appointment.EndUtc).AddHours(8), ct);
        if (found.Error is { } error) return new Lookup.Failed(error.StaffMessage);
        return found.Value!.FirstOrDefault(b => b.IsActive && IsOurs(b, appointment)) is { } booking ? new Lookup.Found(booking.Uid) : new Lookup.Absent();
    }

    public async Task<CalendarAnswer> RescheduledAsync(Appointment appointment, CancellationToken ct)
    {
        if (appointment.ExternalUid is not { } uid) return CalendarAnswer.Done;
        var connection = await ConnectionAsync(ct);
        var result = await client.RescheduleAsync(connection, uid, new DateTimeOffset(appointment.StartUtc), "Über AskPro verschoben", ct);
        if (result.Value is { } moved) return new CalendarAnswer.Accepted(moved.Uid);
        if (!result.Error!.OutcomeUnknown) return Refused(result.Error);
        // The answer was lost: only a look at the booking tells whether it moved (a move is never re-sent blindly).
        return await WhereIsAsync(connection, appointment, uid, ct) is Move.Moved found
            ? new CalendarAnswer.Accepted(found.Uid)
            : new CalendarAnswer.Unknown(result.Error.StaffMessage);
    }

    /// <summary>The outbox's retry of a move Cal.com did not confirm (<c>CalComMoves</c>): where
    /// is the booking now? At the new time (the lost answer had moved it): its uid. Still at the
    /// old one: the move is sent again. Cancelled or deleted in Cal.com: nothing to move (Cal.com's
    /// webhook cancels it here). Cal.com no longer the company's calendar: nothing to do.</summary>
    public async Task<CalendarAnswer> MoveAgainAsync(Appointment appointment, CancellationToken ct)
    {
        if (await SettingsAsync(ct) is null || appointment.ExternalUid is not { } uid) return CalendarAnswer.Done;
        return await WhereIsAsync(await ConnectionAsync(ct), appointment, uid, ct) switch
        {
            Move.Moved found => new CalendarAnswer.Accepted(found.Uid),
            Move.NotMoved => await RescheduledAsync(appointment, ct),
            Move.Failed failed => new CalendarAnswer.Unknown(failed.Reason),
            _ => CalendarAnswer.Done,
        };
    }

    private abstract record Move
    {
        public sealed record Moved(string Uid) : Move;
        public sealed record NotMoved : Move;
        public sealed record Gone : Move;
        public sealed record Failed(string Reason) : Move;
    }

    /// <summary>Cal.com moves a booking by a new one (new uid) and cancels the old: an active
    /// booking at the old uid has not moved (unless a self-hosted Cal.com moved it in place); a
    /// cancelled one has, if ours is found at the new time by our metadata.</summary>
    private async Task<Move> WhereIsAsync(CalComConnection connection, Appointment appointment, string uid, CancellationToken ct)
    {
        var current = await client.BookingAsync(connection, uid, ct);
        if (current.Error is { Failure: CalComFailure.NotFound }) return new Move.Gone();
        if (current.Error is { } error) return new Move.Failed(error.StaffMessage);
        var booking = current.Value!;
        if (booking.IsActive) return booking.Start.UtcDateTime == appointment.StartUtc ? new Move.Moved(booking.Uid) : new Move.NotMoved();
        if (booking.Attendees.FirstOrDefault()?.Email is not { } email || booking.EventTypeId is not { } eventType) return new Move.Gone();
        return await FindOwnAsync(connection, appointment, email, eventType, ct) switch
        {
            Lookup.Found found => new Move.Moved(found.Uid),
            Lookup.Failed failed => new Move.Failed(failed.Reason),
            _ => new Move.Gone(),
        };
    }

    public async Task<CalendarAnswer> CancelledAsync(Appointment appointment, CancellationToken ct)
    {
        if (appointment.ExternalUid is not { } uid) return CalendarAnswer.Done;
        var result = await client.CancelAsync(await ConnectionAsync(ct), uid, appointment.CancellationReason ?? "Über AskPro abgesagt", ct);
        // Already cancelled or gone in Cal.com is what we wanted.
        return result.Ok || result.Error!.Failure is CalComFailure.NotFound or CalComFailure.BadRequest
            ? CalendarAnswer.Done
            : new CalendarAnswer.Unknown(result.Error.StaffMessage);
    }

    /// <summary>Reserves in Cal.com what AskPro holds for a caller (POST /v2/slots/reservations,
    /// as long as the hold), so Cal.com's own booking page cannot sell it meanwhile; the
    /// reservation uids are kept per holder as long as the hold. Cal.com lets the key that
    /// reserved a slot book it. Best effort, in parallel: a failed reservation is logged by the
    /// client and the caller's answer goes on.</summary>
    public async Task ReserveAsync(string holder, Service service, IReadOnlyList<Slot> slots, TimeSpan ttl, CancellationToken ct)
    {
        var company = await directory.GetAsync(ct);
        var connection = await ConnectionAsync(ct);
        var held = await ReservationsAsync(holder, ct);
        var minutes = Math.Max(1, (int)Math.Ceiling(ttl.TotalMinutes));
        var wanted = slots.Select(s => (EventType: company.CalComEventTypeFor(service.Id, s.StaffId), s.StartUtc))
            .Where(w => w.EventType is not null && !held.Any(h => h.EventType == w.EventType && h.StartUtc == w.StartUtc)).Distinct().ToList();
        var made = await Task.WhenAll(wanted.Select(async w =>
            (await client.ReserveAsync(connection, w.EventType!.Value, new DateTimeOffset(w.StartUtc), minutes, ct)).Value is { } r
                ? new Reservation(r.Uid, w.EventType.Value, w.StartUtc) : null));
        held.AddRange(made.OfType<Reservation>());
        await cache.SetAsync(ReservationsArea, holder, JsonSerializer.Serialize(held), ttl, ct);
    }

    /// <summary>Releases the holder's Cal.com reservations (its holds were released). Expired
    /// ones need nothing: Cal.com lets them lapse with the hold's duration.</summary>
    public async Task ReleaseReservationsAsync(string holder, CancellationToken ct)
    {
        var held = await ReservationsAsync(holder, ct);
        if (held.Count == 0) return;
        await cache.SetAsync(ReservationsArea, holder, "[]", TimeSpan.FromSeconds(1), ct);
        var connection = await ConnectionAsync(ct);
        await Task.WhenAll(held.Select(r => client.ReleaseAsync(connection, r.Uid, ct)));
    }

    private const string ReservationsArea = "calcom-reservations";

    private sealed record Reservation(string Uid, int EventType, DateTime StartUtc);

    private async Task<List<Reservation>> ReservationsAsync(string holder, CancellationToken ct) =>
        await cache.GetAsync(ReservationsArea, holder, ct) is { } json ? JsonSerializer.Deserialize<List<Reservation>>(json)! : [];

    private static bool IsOurs(CalComBooking booking, Appointment appointment) =>
        booking.Metadata.TryGetValue(AppointmentKey, out var id) && id == appointment.Id.ToString() && booking.Start.UtcDateTime == appointment.StartUtc;

    private static CalendarAnswer.Refused Refused(CalComError error) => new(error.StaffMessage, error.AgentMessage, error.Unavailable);

    public abstract record Lookup
    {
        public sealed record Found(string Uid) : Lookup;
        public sealed record Absent : Lookup;
        public sealed record Failed(string Reason) : Lookup;
    }
}
