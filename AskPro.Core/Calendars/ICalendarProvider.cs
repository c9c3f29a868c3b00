using AskPro.Core.Booking;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Calendars;

/// <summary>The outbound port to the calendar a company books into. <c>FindFreeSlots</c> asks it
/// for busy time AskPro does not know; <c>Book</c> and <c>Reschedule</c> call it after the
/// database claim has committed and act on its answer; a cancellation reaches it from its event
/// (the outbox retries until the calendar has answered). Built-in calendar: nothing to
/// add, everything accepted. Cal.com: its free slots are the truth, and a booking counts only
/// once Cal.com has accepted it.</summary>
public interface ICalendarProvider
{
    /// <summary>Must the calendar accept a booking before it counts? Then <c>Book</c> claims the
    /// time as a Pending appointment and confirms it only on <see cref="CalendarAnswer.Accepted"/>.</summary>
    Task<bool> ConfirmsBookingsAsync(CancellationToken ct);

    /// <summary>Busy time of these staff members for this service that the provider knows beyond
    /// AskPro's own appointments (built-in: none). Throws <see cref="CalendarUnavailableException"/>
    /// when the provider cannot be asked.</summary>
    Task<IReadOnlyList<BusyTime>> ExternalBusyAsync(Service service, IReadOnlyList<Guid> staffIds, TimeInterval range, CancellationToken ct);

    Task<CalendarAnswer> BookedAsync(Appointment appointment, CancellationToken ct);

    Task<CalendarAnswer> RescheduledAsync(Appointment appointment, DateTime previousStartUtc, CancellationToken ct);

    /// <summary>Can a move give the booking to another staff member? The built-in calendar can;
    /// Cal.com moves a booking only in time (its host stays).</summary>
    Task<bool> MovesBetweenStaffAsync(CancellationToken ct) => Task.FromResult(true);

    Task<CalendarAnswer> CancelledAsync(Appointment appointment, CancellationToken ct);

    /// <summary>Slots offered to <paramref name="holder"/> are held in AskPro for <paramref name="ttl"/>;
    /// a calendar that can reserve them (Cal.com) keeps its own booking page from selling them
    /// meanwhile. Best effort: a reservation that fails never fails the caller's answer.</summary>
    Task HeldAsync(string holder, Service service, IReadOnlyList<Slot> slots, TimeSpan ttl, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The holder's holds were released (booked, call ended): so are its reservations.</summary>
    Task HoldsReleasedAsync(string holder, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>What the calendar said to a change.</summary>
public abstract record CalendarAnswer
{
    /// <summary>Done; <paramref name="ExternalUid"/> is the calendar's id of it (null: none).</summary>
    public sealed record Accepted(string? ExternalUid) : CalendarAnswer;

    /// <summary>Not done, and certainly not: the calendar refused (taken, notice) or could not be
    /// asked (<paramref name="Unavailable"/>: offer a callback rather than other times).
    /// <paramref name="AgentMessage"/> is the German sentence for the caller.</summary>
    public sealed record Refused(string Reason, string AgentMessage, bool Unavailable) : CalendarAnswer;

    /// <summary>No answer (timeout): it may or may not be done; reconciliation decides.</summary>
    public sealed record Unknown(string Reason) : CalendarAnswer;

    public static readonly CalendarAnswer Done = new Accepted(null);
}

/// <summary>The company's calendar cannot be asked right now (Cal.com down, its circuit open, its
/// key refused). Exceptional like a lost database: the channel answers with
/// <see cref="AgentMessage"/> and offers a callback.</summary>
public sealed class CalendarUnavailableException(string reason, string agentMessage) : Exception(reason)
{
    public string AgentMessage { get; } = agentMessage;
}
