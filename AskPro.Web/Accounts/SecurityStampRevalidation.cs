using System.Security.Claims;
using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Accounts;

/// <summary>An open portal page (a Blazor circuit) keeps the user it was opened with; the cookie's
/// own check (<see cref="SecurityStampValidatorOptions"/>) never sees it. So the circuit checks the
/// security stamp every minute too: a removed colleague, or one whose role changed, is signed out of
/// the open page as well, and signs in again with the new role.</summary>
internal sealed class SecurityStampRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.GetUserAsync(state.User) is not { } user) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        return state.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
