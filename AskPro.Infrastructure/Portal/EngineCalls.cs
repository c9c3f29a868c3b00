using AskPro.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Portal;

/// <summary>Runs one booking use case (Book, Reschedule, Cancel, ChangeStatus, FindFreeSlots)
/// for a portal page in a unit of work of its own, in the circuit's tenant: the engine's stores
/// hold a DbContext, and a long-lived circuit must never keep one (a failed save would stay
/// tracked, and two actions would share it).</summary>
public sealed class EngineCalls(IServiceScopeFactory scopes, ITenantContext tenant)
{
    public async Task<T> RunAsync<TUseCase, T>(Func<TUseCase, Task<T>> work) where TUseCase : notnull
    {
        var company = tenant.RequireTenant();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(company);
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    /// <summary>Two use cases in one unit of work (the directory snapshot, then the slots).</summary>
    public async Task<T> RunAsync<TFirst, TSecond, T>(Func<TFirst, TSecond, Task<T>> work) where TFirst : notnull where TSecond : notnull
    {
        var company = tenant.RequireTenant();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(company);
        return await work(scope.ServiceProvider.GetRequiredService<TFirst>(), scope.ServiceProvider.GetRequiredService<TSecond>());
    }
}
