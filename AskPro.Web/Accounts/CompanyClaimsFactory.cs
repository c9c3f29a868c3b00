using System.Security.Claims;
using AskPro.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Accounts;

/// <summary>Puts the user's company (the tenant) and display name into the sign-in cookie.</summary>
public sealed class CompanyClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CompanyId is { } company) identity.AddClaim(new Claim(AskProClaims.Company, company.ToString()));
        identity.AddClaim(new Claim("askpro:name", string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        return identity;
    }
}
