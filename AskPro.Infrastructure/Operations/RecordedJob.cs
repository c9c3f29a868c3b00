using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AskPro.Infrastructure.Operations;

/// <summary>Base of every scheduled job: runs in its own scope, in an explicit platform scope,
/// and leaves a <see cref="JobRun"/> row with start, end, outcome and message.</summary>
public abstract class RecordedJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : IJob
{
    protected abstract string Name { get; }

    /// <summary>Each job's most recent run, by job name (platform scope).</summary>
    public static async Task<List<JobRun>> LastRunsAsync(AskProDbContext db, CancellationToken ct) =>
        (await db.JobRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(200).ToListAsync(ct))
            .GroupBy(r => r.Job).Select(g => g.First()).OrderBy(r => r.Job).ToList();

    /// <summary>Does the work; returns the outcome and a message for the run history.</summary>
    protected abstract Task<(JobOutcome Outcome, string Message)> RunAsync(IServiceProvider services, CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope($"job {Name}");
        logger.LogInformation("Job {Job} starting in platform scope", Name);

        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        var run = new JobRun { Job = Name, StartedAt = clock.GetUtcNow().UtcDateTime };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);

        try
        {
            (run.Outcome, run.Message) = await RunAsync(scope.ServiceProvider, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Job {Job} failed", Name);
            (run.Outcome, run.Message) = (JobOutcome.Failed, ex.Message);
        }

        run.EndedAt = clock.GetUtcNow().UtcDateTime;
        if (run.Message.Length > 4000) run.Message = run.Message[..4000];
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Job {Job} ended: {Outcome}", Name, run.Outcome);
    }
}
