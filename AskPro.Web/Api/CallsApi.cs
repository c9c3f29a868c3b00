using AskPro.Core.Scheduling;
using AskPro.Core.Telephony;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Api;

public static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/calls", ListAsync);
        v1.MapGet("/calls/{id}", GetAsync);
        return v1;
    }

    private static async Task<Results<Ok<ListPage<CallItem>>, ProblemHttpResult>> ListAsync(
        HttpRequest request, AskProDbContext db, string? retellCallId, string? from, string? to, CancellationToken ct)
    {
        if (RestApi.CheckList(request, out var page, out var size, "retellCallId", "from", "to") is { } problem) return problem;
        var companyZone = await db.Companies.Select(c => c.TimeZoneId).FirstAsync(ct);
        var zone = BranchClock.Zone(companyZone);
        if (!QueryInput.TryInstant(from, zone, out var fromUtc)) return RestApi.Invalid("from must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset.");
        if (!QueryInput.TryInstant(to, zone, out var toUtc)) return RestApi.Invalid("to must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset.");

        IQueryable<Call> query = db.Calls.AsNoTracking();
        if (retellCallId is not null)
        {
            if (retellCallId.Length is 0 or > 128) return RestApi.Invalid("retellCallId must be 1 to 128 characters.");
            query = query.Where(c => c.RetellCallId == retellCallId);
        }
        if (fromUtc is { } f) query = query.Where(c => c.StartedAt >= f);
        if (toUtc is { } t) query = query.Where(c => c.StartedAt < t);

        query = query.OrderByDescending(c => c.StartedAt).ThenBy(c => c.Id);
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var zones = await AppointmentsApi.BranchZonesAsync(db, ct);
        var items = rows.Select(c => ToItem(c, zones, companyZone)).ToList();
        return TypedResults.Ok(new ListPage<CallItem>(items, page, size, await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<CallItem>, ProblemHttpResult>> GetAsync(string id, AskProDbContext db, CancellationToken ct)
    {
        if (!QueryInput.TryId(id, out var guid)) return RestApi.Invalid("id is not a valid id.");
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == guid, ct);
        if (call is null) return RestApi.Missing("call");
        var companyZone = await db.Companies.Select(c => c.TimeZoneId).FirstAsync(ct);
        return TypedResults.Ok(ToItem(call, await AppointmentsApi.BranchZonesAsync(db, ct), companyZone));
    }

    private static CallItem ToItem(Call c, Dictionary<Guid, string> zones, string companyZone)
    {
        var zone = c.BranchId is { } b ? zones.GetValueOrDefault(b, companyZone) : companyZone;
        return new CallItem(c.Id.ToString(), c.RetellCallId, c.FromNumber?.Value, c.ToNumber.Value, c.Status.ToString(),
            c.StartedAt is { } s ? BranchClock.ToLocal(s, zone) : null, c.EndedAt is { } e ? BranchClock.ToLocal(e, zone) : null,
            c.DurationSeconds, c.CostCents, c.Sentiment, c.Summary, c.Successful, c.CustomerId?.ToString(), c.AppointmentId?.ToString());
    }
}
