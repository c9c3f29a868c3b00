using System.Threading.Channels;
using AskPro.Core.Telephony;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Telephony;

/// <summary>The function log, written off the request path: each invocation is queued and the
/// queue is written in batches (one transaction per batch), so the agent's answer never waits
/// for it. A log row is diagnostics, not a promise made to anyone: rows still queued when the
/// process dies are lost, and the queue drops rows (with a warning) rather than grow without
/// bound when the database is down. The calls' selections (<see cref="CallSelections"/>) are
/// stored in the same transaction: every function call queues a row, so a selection made by a
/// check is written with that check's own row at the latest.</summary>
public sealed class FunctionLog(IServiceScopeFactory scopes, CallSelections selections, ILogger<FunctionLog> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    /// <summary>How long the writer lets rows gather after the first one: at a few requests per
    /// second a batch would otherwise be one row (a scope, a context and a commit per call).</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly Channel<FunctionInvocation> _queue = Channel.CreateBounded<FunctionInvocation>(
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues the row (its CompanyId must be set: it is written in platform scope).</summary>
    public void Write(FunctionInvocation invocation)
    {
        if (invocation.CompanyId == Guid.Empty) throw new MissingTenantException();
        if (!_queue.Writer.TryWrite(invocation)) logger.LogWarning("Function log queue full; an invocation row was dropped");
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var batch = new List<FunctionInvocation>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                await Task.Delay(Gather, ct);
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                await SaveAsync(batch);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: write what is still queued.
            batch.Clear();
            while (_queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count > 0) await SaveAsync(batch);
        }
    }

    private async Task SaveAsync(List<FunctionInvocation> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("function log writer");
            var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
            var chosen = selections.Unwritten();
            db.FunctionInvocations.AddRange(batch);
            // Redone whole on a transient fault: the updates set values, and the log rows' keys make a lost commit's redo fail, not write twice.
            await db.InTransactionAsync(async token =>
            {
                // One plain statement each: EF cannot compile an ExecuteUpdate, and translating it on every write cost more than the write.
                foreach (var (callRowId, selection) in chosen)
                    await db.Database.ExecuteSqlAsync(
                        $"""UPDATE "Calls" SET "SelectedServiceId" = {selection.ServiceId}, "SelectedStaffId" = {selection.StaffId} WHERE "Id" = {callRowId} AND "CompanyId" = {selection.CompanyId}""", token);
                await db.SaveChangesAsync(token);
            }, committed: null, CancellationToken.None);
            selections.Written(chosen);
        }
        catch (Exception ex)
        {
            // The selections stay in memory and go with the next batch.
            logger.LogError(ex, "{Count} function log row(s) could not be written", batch.Count);
        }
    }
}
