using AskPro.Core.Tenancy;
using AskPro.Core.Webhooks;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Support;

/// <summary>The one way tests empty an app's inbox: passes of its worker (the app's own may run
/// too) until nothing of the provider is pending or in flight; throws when that does not happen
/// in time, so a drain never quietly passes.</summary>
public static class Drain
{
    public static Task InboxAsync(IServiceProvider app, string? provider = null, TimeSpan? timeout = null)
    {
        var worker = app.GetRequiredService<InboxWorker>();
        return Eventually.Async($"the {provider ?? "whole"} inbox to be processed", async () =>
        {
            await worker.ProcessDueAsync(500, default);
            await using var scope = app.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: drain the inbox");
            return await scope.ServiceProvider.GetRequiredService<AskProDbContext>().Inbox
                .CountAsync(x => (provider == null || x.Provider == provider) && (x.Status == InboxStatus.Pending || x.Status == InboxStatus.Processing));
        }, open => open == 0, timeout);
    }
}
