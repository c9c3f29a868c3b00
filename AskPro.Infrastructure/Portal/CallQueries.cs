using AskPro.Core.Scheduling;
using AskPro.Core.Shared;
using AskPro.Core.Telephony;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Portal;

public sealed record CallRow(
    Guid Id, DateTime? StartedAt, E164Number? FromNumber, int? DurationSeconds, CallOutcome Outcome, string? Sentiment, long? CostCents);

public enum CallSort { Start, Duration, Cost }

public sealed record CallQuery(PageRequest Page)
{
    public CallSort Sort { get; init; } = CallSort.Start;
    public bool Descending { get; init; } = true;
    public string? Sentiment { get; init; }
}

/// <summary>One call with everything its page shows.</summary>
public sealed record CallDetail(
    Guid Id, DateTime? StartedAt, E164Number? FromNumber, int? DurationSeconds, CallOutcome Outcome, string? Sentiment,
    long? CostCents, string? Summary, string? RecordingUrl, IReadOnlyList<TranscriptTurn> Transcript,
    string? CustomerName, CallAppointment? Appointment, IReadOnlyList<InvocationRow> Functions);

public sealed record CallAppointment(DateTime StartUtc, string Service, string Staff, AppointmentStatus Status);

public sealed record InvocationRow(Guid Id, DateTime At, string Name, string Arguments, string Status, string Message, int DurationMs);

public interface ICallQueries
{
    Task<PageOf<CallRow>> PageAsync(CallQuery query, CancellationToken ct);
    Task<CallDetail?> DetailAsync(Guid id, CancellationToken ct);
}

internal sealed class CallQueries(IDbContextFactory<AskProDbContext> contexts) : ICallQueries
{
    public async Task<PageOf<CallRow>> PageAsync(CallQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var calls = db.Calls.AsNoTracking();
        if (query.Sentiment is { Length: > 0 } sentiment) calls = calls.Where(c => c.Sentiment == sentiment);
        var ordered = query.Sort switch
        {
            CallSort.Duration => calls.OrderBy(c => c.DurationSeconds, query.Descending),
            CallSort.Cost => calls.OrderBy(c => c.CostCents, query.Descending),
            _ => calls.OrderBy(c => c.StartedAt, query.Descending),
        };
        var page = await ordered.ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.StartedAt, c.FromNumber, c.DurationSeconds, c.Status, c.AppointmentId, c.Successful, c.Sentiment, c.CostCents })
            .ToPageAsync(query.Page, ct);
        return new PageOf<CallRow>(page.Items.Select(c => new CallRow(
            c.Id, c.StartedAt, c.FromNumber, c.DurationSeconds, CallOutcomes.Of(c.Status, c.AppointmentId, c.Successful), c.Sentiment, c.CostCents)).ToList(), page.Total);
    }

    public async Task<CallDetail?> DetailAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return null;
        var customer = call.CustomerId is { } customerId
            ? await db.Customers.Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(ct)
            : null;
        var appointment = call.AppointmentId is { } appointmentId
            ? await AppointmentQueries.Rows(db).Where(a => a.Id == appointmentId)
                .Select(a => new CallAppointment(a.StartUtc, a.Service, a.Staff, a.Status)).FirstOrDefaultAsync(ct)
            : null;
        var functions = await db.FunctionInvocations.AsNoTracking().Where(f => f.CallId == id).OrderBy(f => f.At)
            .Select(f => new InvocationRow(f.Id, f.At, f.Name, f.ArgumentsMasked, f.Status, f.Message, f.DurationMs)).ToListAsync(ct);
        return new CallDetail(call.Id, call.StartedAt, call.FromNumber, call.DurationSeconds, CallOutcomes.Of(call), call.Sentiment,
            call.CostCents, call.Summary, call.RecordingUrl, TranscriptDialogue.Read(call.Transcript), customer, appointment, functions);
    }
}
