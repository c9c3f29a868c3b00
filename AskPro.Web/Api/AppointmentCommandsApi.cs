using System.Security.Claims;
using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Api;

/// <summary>A booking over the API: service, start (ISO 8601 with offset), staff (absent: anyone
/// free then), and either a known customer's id or the customer's contact (found or created by the one rule set).</summary>
public sealed record BookAppointmentBody(string? StaffId, string? ServiceId, DateTimeOffset? Start, string? CustomerId, CustomerContactBody? Customer);
public sealed record CustomerContactBody(string? Name, string? Phone, string? Email);
public sealed record MoveAppointmentBody(DateTimeOffset? Start, string? StaffId = null);
public sealed record CancelAppointmentBody(string? Reason);

/// <summary>PATCH: a move (<see cref="Start"/> and/or <see cref="StaffId"/>: to another time, to a
/// colleague, or both), or how it went (<see cref="Status"/>: Completed, NoShow); one at a time.</summary>
public sealed record ChangeAppointmentBody(DateTimeOffset? Start, string? StaffId, string? Status);

/// <summary>REST API v1, write side: book, move and cancel through the same use cases as every
/// other channel, under the customer-facing policies (minimum notice, horizon, cancellation
/// notice). Outcomes map to status codes: slot taken 409, policy 422, bad request 400.</summary>
public static class AppointmentCommandsApi
{
    public static RouteGroupBuilder MapAppointmentCommandsApi(this RouteGroupBuilder v1)
    {
        var taken = (409, ApiExamples.Problem(409, "Slot taken", "The time is not free (already booked, held by a caller, or nobody who performs the service is free then).",
            new { alternatives = new[] { new AlternativeItem(DateTimeOffset.Parse("2027-01-12T10:30:00+01:00"), ApiExamples.StaffId), new AlternativeItem(DateTimeOffset.Parse("2027-01-12T14:00:00+01:00"), ApiExamples.StaffId) } }));
        var policy = (422, ApiExamples.Problem(422, "Booking policy", "The start is sooner than the service's minimum notice.", new { rule = "MinimumNotice" }));
        v1.MapPost("/appointments", BookAsync).WithExamples(
            new BookAppointmentBody(ApiExamples.StaffId, ApiExamples.ServiceId, DateTimeOffset.Parse("2027-01-12T10:00:00+01:00"), null, new CustomerContactBody("Lena Müller", "0151 1234 5678", "lena@example.org")),
            (201, ApiExamples.Appointment), taken, policy);
        v1.MapPost("/appointments/{id}/reschedule", MoveAsync).WithExamples(new MoveAppointmentBody(DateTimeOffset.Parse("2027-01-12T11:00:00+01:00")),
            (200, ApiExamples.Appointment with { Start = DateTimeOffset.Parse("2027-01-12T11:00:00+01:00"), End = DateTimeOffset.Parse("2027-01-12T11:30:00+01:00") }), taken, policy);
        v1.MapPost("/appointments/{id}/cancel", CancelAsync).WithExamples(new CancelAppointmentBody("Kundin ist krank"), (200, ApiExamples.Appointment with { Status = "Cancelled" }),
            (422, ApiExamples.Problem(422, "Booking policy", "The appointment is too close to be moved or cancelled.", new { rule = "CancellationNotice" })));
        v1.MapPatch("/appointments/{id}", ChangeAsync).WithExamples(new ChangeAppointmentBody(null, null, "NoShow"), (200, ApiExamples.Appointment with { Status = "NoShow" }), taken, policy);
        v1.MapDelete("/appointments/{id}", DeleteAsync)
            .WithExamples(null, (422, ApiExamples.Problem(422, "Booking policy", "The appointment is too close to be moved or cancelled.", new { rule = "CancellationNotice" })));
        return v1;
    }

    private static async Task<Results<Created<AppointmentItem>, ProblemHttpResult>> BookAsync(
        BookAppointmentBody body, ClaimsPrincipal user, Book book, ApiSlots slots, AskProDbContext db, CancellationToken ct)
    {
        var staffId = Guid.Empty;
        if (body.StaffId is not null && !QueryInput.TryId(body.StaffId, out staffId)) return RestApi.Invalid("staffId is not a valid id.");
        if (!QueryInput.TryId(body.ServiceId ?? "", out var serviceId)) return RestApi.Invalid("serviceId is not a valid id.");
        if (body.Start is not { } start) return RestApi.Invalid("start is required (ISO 8601 with offset).");

        var customerId = Guid.Empty;
        if (body.CustomerId is not null && !QueryInput.TryId(body.CustomerId, out customerId)) return RestApi.Invalid("customerId is not a valid id.");
        var contact = body.Customer is { } c ? new CustomerContact(c.Name, c.Phone, c.Email) : null;
        if (customerId == Guid.Empty && contact is null) return RestApi.Invalid("Either customerId or customer is required.");

        // No staff member named: whoever performs the service and is free then (none free: taken, with alternatives).
        if (staffId == Guid.Empty)
        {
            if (await slots.AnyoneFreeAsync(serviceId, start.UtcDateTime, ct) is not { } anyone)
                return SlotTaken(await slots.AroundAsync(serviceId, null, start.UtcDateTime, null, ct));
            staffId = anyone;
        }

        return await book.RunAsync(new BookRequest(staffId, serviceId, customerId, start.UtcDateTime, AppointmentSource.Api, Actor(user), Contact: contact), ct) switch
        {
            BookingOutcome.Booked booked => TypedResults.Created($"/api/v1/appointments/{booked.Appointment.Id}", await ItemAsync(db, booked.Appointment, ct)),
            BookingOutcome.SlotTaken => SlotTaken(await slots.AroundAsync(serviceId, staffId, start.UtcDateTime, null, ct)),
            BookingOutcome.PolicyViolated violated => Policy(violated.Rule),
            BookingOutcome.Rejected rejected => RestApi.Invalid(rejected.Reason),
            // Claimed but not yet confirmed by Cal.com: created, with status Pending in the body.
            BookingOutcome.Pending pending => TypedResults.Created($"/api/v1/appointments/{pending.Appointment.Id}", await ItemAsync(db, pending.Appointment, ct)),
            BookingOutcome.CalendarRefused refused => TypedResults.Problem(refused.AgentMessage,
                statusCode: refused.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict, title: "The company's calendar refused the booking."),
            _ => throw new InvalidOperationException("Unknown booking outcome."),
        };
    }

    private static async Task<Results<Ok<AppointmentItem>, ProblemHttpResult>> MoveAsync(
        string id, MoveAppointmentBody body, ClaimsPrincipal user, Reschedule reschedule, ApiSlots slots, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        if (body.Start is null) return RestApi.Invalid("start is required (ISO 8601 with offset).");
        return await MoveToAsync(guid, body, user, reschedule, slots, db, ct);
    }

    /// <summary>A move in time, to another staff member, or both (absent start: the same time).</summary>
    private static async Task<Results<Ok<AppointmentItem>, ProblemHttpResult>> MoveToAsync(
        Guid id, MoveAppointmentBody body, ClaimsPrincipal user, Reschedule reschedule, ApiSlots slots, AskProDbContext db, CancellationToken ct)
    {
        Guid? newStaff = null;
        if (body.StaffId is not null)
        {
            if (!QueryInput.TryId(body.StaffId, out var staffId)) return RestApi.Invalid("staffId is not a valid id.");
            newStaff = staffId;
        }
        if (await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } current) return RestApi.Missing("appointment");
        var start = body.Start?.UtcDateTime ?? current.StartUtc;
        var staff = newStaff ?? current.StaffId;
        return await reschedule.RunAsync(new RescheduleRequest(id, start, AppointmentSource.Api, Actor(user), newStaff), ct) switch
        {
            RescheduleOutcome.Moved moved => TypedResults.Ok(await ItemAsync(db, moved.Appointment, ct)),
            // Alternatives with the member it was to go to.
            RescheduleOutcome.SlotTaken => SlotTaken(await slots.AroundAsync(current.ServiceId, staff, start, current.Id, ct)),
            RescheduleOutcome.PolicyViolated violated => Policy(violated.Rule),
            RescheduleOutcome.StaffChangeUnsupported => TypedResults.Problem(
                "The company's calendar (Cal.com) moves a booking only in time; to give it to another staff member, cancel it and book again.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Booking policy", extensions: new Dictionary<string, object?> { ["rule"] = "StaffChange" }),
            RescheduleOutcome.Rejected rejected => RestApi.Invalid(rejected.Reason),
            _ => throw new InvalidOperationException("Unknown reschedule outcome."),
        };
    }

    private static async Task<Results<Ok<AppointmentItem>, ProblemHttpResult>> CancelAsync(
        string id, CancelAppointmentBody? body, ClaimsPrincipal user, Cancel cancel, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        if (body?.Reason is { Length: > Cancel.MaxReasonLength }) return RestApi.Invalid($"reason is longer than {Cancel.MaxReasonLength} characters.");
        return await cancel.RunAsync(new CancelRequest(guid, body?.Reason, AppointmentSource.Api, Actor(user)), ct) switch
        {
            CancelOutcome.Cancelled cancelled => TypedResults.Ok(await ItemAsync(db, cancelled.Appointment, ct)),
            CancelOutcome.PolicyViolated violated => Policy(violated.Rule),
            _ => RestApi.Missing("appointment"),
        };
    }

    private static async Task<Results<Ok<AppointmentItem>, ProblemHttpResult>> ChangeAsync(
        string id, ChangeAppointmentBody body, ClaimsPrincipal user, Reschedule reschedule, ChangeStatus status, ApiSlots slots, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        var moves = body.Start is not null || body.StaffId is not null;
        if (moves == (body.Status is not null)) return RestApi.Invalid("Give either start and/or staffId (a move) or status (Completed, NoShow).");
        if (moves) return await MoveToAsync(guid, new MoveAppointmentBody(body.Start, body.StaffId), user, reschedule, slots, db, ct);

        if (!Enum.TryParse<AppointmentStatus>(body.Status, ignoreCase: true, out var wanted) || !ChangeStatus.Recordable.Contains(wanted))
            return RestApi.Invalid("status must be Completed or NoShow.");
        return await status.RunAsync(new ChangeStatusRequest(guid, wanted, AppointmentSource.Api, Actor(user)), ct) switch
        {
            ChangeStatusOutcome.Changed changed => TypedResults.Ok(await ItemAsync(db, changed.Appointment, ct)),
            ChangeStatusOutcome.Rejected rejected => TypedResults.Problem(rejected.Reason, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Booking policy"),
            _ => RestApi.Missing("appointment"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, string? reason, ClaimsPrincipal user, Cancel cancel, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        if (reason is { Length: > Cancel.MaxReasonLength }) return RestApi.Invalid($"reason is longer than {Cancel.MaxReasonLength} characters.");
        return await cancel.RunAsync(new CancelRequest(guid, reason, AppointmentSource.Api, Actor(user)), ct) switch
        {
            CancelOutcome.Cancelled => TypedResults.NoContent(),
            CancelOutcome.PolicyViolated violated => Policy(violated.Rule),
            _ => RestApi.Missing("appointment"),
        };
    }

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "api";

    /// <summary>409 with the engine's alternatives around the wished start, as the phone agent would offer them.</summary>
    private static ProblemHttpResult SlotTaken(IReadOnlyList<AlternativeItem> alternatives) =>
        TypedResults.Problem("The time is not free (already booked, held by a caller, or nobody who performs the service is free then).",
            statusCode: StatusCodes.Status409Conflict, title: "Slot taken", extensions: new Dictionary<string, object?> { ["alternatives"] = alternatives });

    private static ProblemHttpResult Policy(BookingRule rule) => TypedResults.Problem(rule switch
    {
        BookingRule.MinimumNotice => "The start is sooner than the service's minimum notice.",
        BookingRule.BookingHorizon => "The start is beyond the booking horizon.",
        BookingRule.CancellationNotice => "The appointment is too close to be moved or cancelled.",
        BookingRule.StaffDoesNotPerformService => "This staff member does not perform this service.",
        BookingRule.OutsideHours => "The start is outside opening or working hours, on a closed day, or off the slot grid.",
        _ => rule.ToString(),
    }, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Booking policy", extensions: new Dictionary<string, object?> { ["rule"] = rule.ToString() });

    private static async Task<AppointmentItem> ItemAsync(AskProDbContext db, Appointment appointment, CancellationToken ct) =>
        AppointmentsApi.ToItem(appointment, await AppointmentsApi.BranchZonesAsync(db, ct));
}
