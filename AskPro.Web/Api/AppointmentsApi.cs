using AskPro.Core.Scheduling;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Api;

public static class AppointmentsApi
{
    public static RouteGroupBuilder MapAppointmentsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/appointments", ListAsync);
        v1.MapGet("/appointments/{id}", GetAsync);
        return v1;
    }

    private static async Task<Results<Ok<ListPage<AppointmentItem>>, ProblemHttpResult>> ListAsync(
        HttpRequest request, AskProDbContext db, string? from, string? to, string? status, CancellationToken ct)
    {
        if (RestApi.CheckList(request, out var page, out var size, "from", "to", "status") is { } problem) return problem;
        var zone = BranchClock.Zone(await db.Companies.Select(c => c.TimeZoneId).FirstAsync(ct));
        if (!QueryInput.TryInstant(from, zone, out var fromUtc)) return RestApi.Invalid("from must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset.");
        if (!QueryInput.TryInstant(to, zone, out var toUtc)) return RestApi.Invalid("to must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset.");
        if (fromUtc > toUtc) return RestApi.Invalid("from must not be after to.");

        IQueryable<Appointment> query = db.Appointments.AsNoTracking();
        if (fromUtc is { } f) query = query.Where(a => a.StartUtc >= f);
        if (toUtc is { } t) query = query.Where(a => a.StartUtc < t);
        if (status is not null)
        {
            if (!Enum.TryParse<AppointmentStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
                return RestApi.Invalid($"status must be one of {string.Join(", ", Enum.GetNames<AppointmentStatus>())}.");
            query = query.Where(a => a.Status == s);
        }

        query = query.OrderBy(a => a.StartUtc).ThenBy(a => a.Id);
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var zones = await BranchZonesAsync(db, ct);
        var items = rows.Select(a => ToItem(a, zones)).ToList();
        return TypedResults.Ok(new ListPage<AppointmentItem>(items, page, size, await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<AppointmentItem>, ProblemHttpResult>> GetAsync(string id, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == guid, ct);
        return appointment is null ? RestApi.Missing("appointment") : TypedResults.Ok(ToItem(appointment, await BranchZonesAsync(db, ct)));
    }

    internal static Task<Dictionary<Guid, string>> BranchZonesAsync(AskProDbContext db, CancellationToken ct) =>
        db.Branches.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.TimeZoneId, ct);

    internal static AppointmentItem ToItem(Appointment a, Dictionary<Guid, string> zones)
    {
        var zone = zones.GetValueOrDefault(a.BranchId, "Europe/Berlin");
        return new AppointmentItem(a.Id.ToString(), a.BranchId.ToString(), a.StaffId.ToString(), a.ServiceId.ToString(),
            a.CustomerId.ToString(), BranchClock.ToLocal(a.StartUtc, zone), BranchClock.ToLocal(a.EndUtc, zone),
            a.Status.ToString(), a.Source.ToString(), a.ExternalUid, a.CallId?.ToString());
    }
}
