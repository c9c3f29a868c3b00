using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskPro.Web.Operations;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: database, scheduler and (when configured) Redis.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteJsonAsync,
        });
        app.MapGet("/health/detailed", DetailedAsync).RequireAuthorization(Accounts.Policies.PlatformAdmin).ExcludeFromDescription();
        return app;
    }

    /// <summary>For platform staff: every check with its description, the inbox depth per
    /// status, the oldest pending item, the last run of each job, each company's Cal.com circuit with
    /// its last errors, and the version.</summary>
    private static async Task<IResult> DetailedAsync(HealthCheckService health, AskPro.Infrastructure.Persistence.AskProDbContext db,
        AskPro.Core.Tenancy.TenantContext tenant, TimeProvider clock, AskPro.Infrastructure.Calendars.CalCom.CalComCircuits circuits, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        tenant.EnterPlatformScope("health detailed");
        var inbox = await AskPro.Infrastructure.Webhooks.InboxDepth.ReadAsync(db, clock, ct);
        var jobs = (await AskPro.Infrastructure.Operations.RecordedJob.LastRunsAsync(db, ct))
            .Select(r => new { r.Job, r.StartedAt, r.EndedAt, Outcome = r.Outcome.ToString(), r.Message });
        return TypedResults.Json(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            inbox = new { byStatus = inbox.ByStatus.ToDictionary(s => s.Key.ToString(), s => s.Value), oldestPendingSeconds = inbox.OldestPending.TotalSeconds },
            jobs,
            calcomCircuits = circuits.All().Select(c => new
            {
                companyId = c.CompanyId, state = c.State,
                lastErrors = c.LastErrors.Select(e => new { at = e.At, endpoint = e.Endpoint, failure = e.Failure.ToString(), status = e.Status, message = e.StaffMessage }),
            }),
            version = typeof(HealthEndpoints).Assembly.GetName().Version?.ToString(),
        });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        // Anonymous callers see statuses only: no exception text, no connection details.
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
