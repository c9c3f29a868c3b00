using AskPro.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Portal;

/// <summary>Runs one booking use case (Book, Reschedule, Cancel, ChangeStatus, FindFreeSlots)
/// for a portal page in a unit of work of its own, in the circuit's tenant: the engine's stores
/// hold a DbContext, and a long-lived circuit must never keep one (a failed save would stay
/// tracked, and two actions would share it).</summary>
public sealed class EngineCalls(IServiceScopeFactory scopes, ITenantContext tenant)
{
    public Task<T> RunAsync<TUseCase, T>(Func<TUseCase, Task<T>> work) where TUseCase : notnull =>
        RunForAsync(tenant.RequireTenant(), work);

    /// <summary>Two use cases in one unit of work (the directory snapshot, then the slots).</summary>
    public Task<T> RunAsync<TFirst, TSecond, T>(Func<TFirst, TSecond, Task<T>> work) where TFirst : notnull where TSecond : notnull =>
        RunForAsync(tenant.RequireTenant(), work);

    /// <summary>For public pages (the online booking page, the customer portal), whose company
    /// comes from the URL or a signed link, never from a sign-in: the circuit's own tenant stays untouched.</summary>
    public async Task<T> RunForAsync<TUseCase, T>(TenantId company, Func<TUseCase, Task<T>> work) where TUseCase : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(company);
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public async Task<T> RunForAsync<TFirst, TSecond, T>(TenantId company, Func<TFirst, TSecond, Task<T>> work) where TFirst : notnull where TSecond : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(company);
        return await work(scope.ServiceProvider.GetRequiredService<TFirst>(), scope.ServiceProvider.GetRequiredService<TSecond>());
    }
}
