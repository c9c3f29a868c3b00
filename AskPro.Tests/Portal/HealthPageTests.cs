using AskPro.Core.Operations;
using AskPro.Core.Webhooks;
using AskPro.Tests.Support;
using AskPro.Web.Components.Pages.Operations;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AskPro.Tests.Portal;

public sealed class HealthPageTests : IAsyncLifetime
{
    private readonly PortalComponents _portal = new();

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _portal.Context.Services.AddHealthChecks()
            .AddCheck("database", () => HealthCheckResult.Healthy("SQLite answers"))
            .AddCheck("redis", () => HealthCheckResult.Unhealthy("no connection"));
        await using var db = _portal.Database.Platform();
        var now = _portal.Clock.Now.UtcDateTime;
        InboxItem Item(string key, InboxStatus status, DateTime received) => new()
        {
            Provider = "retell", EventKey = key, EventType = "call_ended", Payload = "{}", Status = status, ReceivedAt = received, NextAttemptAt = received,
        };
        db.Inbox.AddRange(Item("a", InboxStatus.Pending, now.AddMinutes(-7)), Item("b", InboxStatus.Pending, now.AddMinutes(-1)), Item("c", InboxStatus.Dead, now.AddDays(-1)));
        db.JobRuns.AddRange(
            new JobRun { Job = "backup", StartedAt = now.AddDays(-1), Outcome = JobOutcome.Failed, Message = "disk full" },
            new JobRun { Job = "backup", StartedAt = now.AddHours(-1), Outcome = JobOutcome.Succeeded, Message = "askpro-1.db" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Platform_staff_see_every_check_the_inbox_backlog_and_each_jobs_last_run()
    {
        _portal.Context.AddAuthorization().SetAuthorized("root").SetRoles("PlatformAdmin");
        var page = _portal.Context.Render<HealthPage>();

        page.WaitForAssertion(() => Assert.Equal("Unhealthy", page.Find("[data-testid=health-overall]").TextContent));
        Assert.Contains("no connection", page.Find("[data-testid=health-checks]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=health-inbox-Pending]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=health-inbox-Dead]").TextContent);
        Assert.Equal("7 min", page.Find("[data-testid=health-oldest-pending]").TextContent);
        var jobs = page.Find("[data-testid=health-jobs]").TextContent;
        Assert.Contains("askpro-1.db", jobs);
        Assert.DoesNotContain("disk full", jobs); // only the last run of each job
    }

    public Task DisposeAsync() => _portal.DisposeAsync();
}
