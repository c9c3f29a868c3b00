using AskPro.Core.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AskPro.Web.Tenancy;

/// <summary>A Blazor circuit outlives the HTTP request that opened it, so the circuit's scope
/// gets its tenant here: when it opens and before every inbound event, from the signed-in user.</summary>
public sealed class TenantCircuitHandler(AuthenticationStateProvider authentication, TenantContext tenant) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct) => ApplyAsync();

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        await ApplyAsync();
        await next(context);
    };

    private async Task ApplyAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (TenantClaims.CompanyOf(state.User) is { } company) tenant.UseTenant(company);
        else if (!tenant.IsPlatformScope) tenant.Clear();
    }
}
