using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AskPro.Infrastructure.Portal;

/// <summary>Work across companies for platform pages. The platform scope lives in a DI scope of
/// its own, so the circuit's tenant (the company the user acts for) never changes; the reason
/// is logged each time.</summary>
public sealed class PlatformScope(IServiceScopeFactory scopes, ILogger<PlatformScope> logger)
{
    public async Task<T> RunAsync<T>(string reason, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope(reason);
        logger.LogInformation("Platform scope entered: {Reason}", reason);
        return await work(scope.ServiceProvider);
    }

    public Task<T> ReadAsync<T>(string reason, Func<AskProDbContext, Task<T>> read, CancellationToken ct) =>
        RunAsync(reason, async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<AskProDbContext>>().CreateDbContextAsync(ct);
            return await read(db);
        });
}
