using AskPro.Core.Customers;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Core.Telephony.AgentFunctions;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Telephony;

/// <summary>The one way a call record starts: exactly one row per Retell call id, whichever
/// comes first — a function call mid-call or a call webhook. The caller's customer is linked
/// at the start; a concurrent start loses the unique index race and reads the winner's row.
/// Who is calling is read with the row, in the same statement: a function call of a known call
/// costs one read before its own work.</summary>
public sealed class CallRecords(AskProDbContext db, TimeProvider clock)
{
    /// <summary>The call's row (tracked), started now if it does not exist yet, and the caller as the company knows them.</summary>
    public async Task<(Call Row, KnownCaller Caller)> FindOrStartAsync(string retellCallId, Guid branchId, E164Number to, CallerId caller, string? agentId,
        CallStatus status, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = caller is CallerId.Known known ? E164Number.FromStorage(known.Number.E164) : null;
        if (phone is null)
        {
            if (await CallById.For(db)(db, retellCallId, ct) is { } anonymous) return (anonymous, KnownCaller.Unknown);
        }
        else if (await CallWithCaller.For(db)(db, retellCallId, phone, now, ct) is { } found)
            return (found.Row, found.Customer is null ? KnownCaller.Unknown : new KnownCaller(found.Customer, found.Upcoming));

        var callerRecord = phone is null ? KnownCaller.Unknown
            : await CallerByPhone.For(db)(db, phone, now, ct) is { } customer ? new KnownCaller(customer.Customer, customer.Upcoming) : KnownCaller.Unknown;
        var row = new Call
        {
            RetellCallId = retellCallId, BranchId = branchId, ToNumber = to, AgentId = agentId, FromNumber = phone, Status = status,
            StartedAt = status == CallStatus.Ongoing ? now : null, UpdatedAt = now, CustomerId = callerRecord.Customer?.Id,
        };
        db.Calls.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return (row, callerRecord);
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            db.Entry(row).State = EntityState.Detached;
            var winner = await CallById.For(db)(db, retellCallId, ct)
                ?? throw new InvalidOperationException("The call row that won the unique index race is gone.");
            return (winner, callerRecord);
        }
    }

    // Both reads run on every function call, so they are compiled once: EF otherwise walks and
    // hashes the expression tree on each execution to find its cached plan (a tenth of a
    // check_availability's CPU). The tenant filters apply as in any query.

    /// <summary>The call's row with the customer who has the caller's number and their upcoming
    /// active appointments, in one statement. The customer is joined without correlation
    /// (LEFT JOIN … ON 1 = 1), which SQLite can do. Tracked: the row is updated by its callers.</summary>
    private static readonly CompiledPerProvider<Func<AskProDbContext, string, E164Number, DateTime, CancellationToken, Task<FoundCall?>>> CallWithCaller = new(() =>
        EF.CompileAsyncQuery((AskProDbContext db, string retellCallId, E164Number phone, DateTime now, CancellationToken _) => (
                from call in db.Calls.Where(c => c.RetellCallId == retellCallId)
                from customer in db.Customers.Where(x => x.Phone == phone).DefaultIfEmpty()
                select new FoundCall(call, customer, db.Appointments.Where(a => customer != null && a.CustomerId == customer.Id && a.StartUtc >= now
                        && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed))
                    .OrderBy(a => a.StartUtc).Take(20).ToList()))
            .FirstOrDefault()));

    /// <summary>The call's row (tracked) by its Retell id: a withheld number, or the winner of a start race.</summary>
    private static readonly CompiledPerProvider<Func<AskProDbContext, string, CancellationToken, Task<Call?>>> CallById = new(() =>
        EF.CompileAsyncQuery((AskProDbContext db, string retellCallId, CancellationToken _) => db.Calls.FirstOrDefault(c => c.RetellCallId == retellCallId)));

    /// <summary>The customer with the caller's number and their upcoming active appointments, in one read.</summary>
    private static readonly CompiledPerProvider<Func<AskProDbContext, E164Number, DateTime, CancellationToken, Task<FoundCustomer?>>> CallerByPhone = new(() =>
        EF.CompileAsyncQuery((AskProDbContext db, E164Number phone, DateTime fromUtc, CancellationToken _) => db.Customers.AsNoTracking()
            .Where(c => c.Phone == phone)
            .Select(c => new FoundCustomer(c, db.Appointments.Where(a => a.CustomerId == c.Id && a.StartUtc >= fromUtc
                    && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed))
                .OrderBy(a => a.StartUtc).Take(20).ToList()))
            .FirstOrDefault()));

    private sealed record FoundCall(Call Row, Customer? Customer, List<Appointment> Upcoming);

    private sealed record FoundCustomer(Customer Customer, List<Appointment> Upcoming);
}
