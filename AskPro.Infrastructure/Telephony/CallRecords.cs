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
/// costs one read before its own work (two when the caller is a customer: their appointments).</summary>
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
        else if (await CallWithCaller.For(db)(db, retellCallId, phone, ct) is { } found)
            return (found.Row, await KnownAsync(found.Customer, now, ct));

        var callerRecord = phone is null ? KnownCaller.Unknown : await KnownAsync(await CallerByPhone.For(db)(db, phone, ct), now, ct);
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

    /// <summary>The customer and their upcoming active appointments (a second, indexed read, only
    /// when the number belongs to a customer).</summary>
    private async Task<KnownCaller> KnownAsync(Customer? customer, DateTime now, CancellationToken ct)
    {
        if (customer is null) return KnownCaller.Unknown;
        var upcoming = await System.Linq.AsyncEnumerable.ToListAsync(UpcomingOf.For(db)(db, customer.Id, now), ct);
        return new KnownCaller(customer, upcoming);
    }

    // These reads run on every function call, so they are compiled once: EF otherwise walks and
    // hashes the expression tree on each execution to find its cached plan (a tenth of a
    // check_availability's CPU). The tenant filters apply as in any query.

    /// <summary>The call's row with the customer who has the caller's number, in one statement.
    /// The customer is joined without correlation (LEFT JOIN … ON 1 = 1), which SQLite can do.
    /// Their appointments are not part of it: as a collection with a limit EF reads them through
    /// ROW_NUMBER() over every future appointment of the company, on every function call.
    /// Tracked: the row is updated by its callers (AsNoTracking anywhere in it would untrack the
    /// whole query, the call row included).</summary>
    private static readonly CompiledPerProvider<Func<AskProDbContext, string, E164Number, CancellationToken, Task<FoundCall?>>> CallWithCaller = new(() =>
        EF.CompileAsyncQuery((AskProDbContext db, string retellCallId, E164Number phone, CancellationToken _) => (
                from call in db.Calls.Where(c => c.RetellCallId == retellCallId)
                from customer in db.Customers.Where(x => x.Phone == phone).DefaultIfEmpty()
                select new FoundCall(call, customer))
            .FirstOrDefault()));

    /// <summary>The call's row (tracked) by its Retell id: a withheld number, or the winner of a start race.</summary>
    private static readonly CompiledPerProvider<Func<AskProDbContext, string, CancellationToken, Task<Call?>>> CallById = new(() =>
        EF.CompileAsyncQuery((AskProDbContext db, string retellCallId, CancellationToken _) => db.Calls.FirstOrDefault(c => c.RetellCallId == retellCallId)));

    /// <summary>The customer with the caller's number (a call not yet recorded).</summary>
    private static readonly CompiledPerProvider<Func<AskProDbContext, E164Number, CancellationToken, Task<Customer?>>> CallerByPhone = new(() =>
        EF.CompileAsyncQuery((AskProDbContext db, E164Number phone, CancellationToken _) => db.Customers.AsNoTracking().FirstOrDefault(c => c.Phone == phone)));

    /// <summary>A customer's next 20 active appointments, on the (CustomerId, StartUtc) index.</summary>
    private static readonly CompiledPerProvider<Func<AskProDbContext, Guid, DateTime, IAsyncEnumerable<Appointment>>> UpcomingOf = new(() =>
        EF.CompileAsyncQuery((AskProDbContext db, Guid customerId, DateTime fromUtc) => db.Appointments.AsNoTracking()
            .Where(a => a.CustomerId == customerId && a.StartUtc >= fromUtc && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Confirmed))
            .OrderBy(a => a.StartUtc).Take(20)));

    private sealed record FoundCall(Call Row, Customer? Customer);
}
