using System.Security.Claims;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.CustomerPortal;
using Microsoft.AspNetCore.Authentication;

namespace AskPro.Web.CustomerPortal;

/// <summary>The customer's sign-in: a cookie scheme of its own, never the staff Identity cookie
/// (and never the default scheme, so no staff page or the tenant middleware ever sees it). Its
/// claims name one company and one customer; their types are the portal's own, so a customer
/// principal carries no staff company claim.</summary>
public static class CustomerPortalAuth
{
    public const string Scheme = "AskPro.Customer";
    private const string CompanyClaim = "askpro:customer-company";
    private const string CustomerClaim = "askpro:customer";

    public static ClaimsPrincipal PrincipalOf(CustomerSession session) => new(new ClaimsIdentity(
        [new Claim(CompanyClaim, session.Company.Value.ToString()), new Claim(CustomerClaim, session.CustomerId.ToString())], Scheme));

    /// <summary>The customer signed in on this request (or the circuit's connection), or null.</summary>
    public static async Task<CustomerSession?> SessionAsync(HttpContext? http)
    {
        if (http is null) return null;
        var result = await http.AuthenticateAsync(Scheme);
        var user = result.Succeeded ? result.Principal : null;
        return Guid.TryParse(user?.FindFirstValue(CompanyClaim), out var company) && company != Guid.Empty
               && Guid.TryParse(user.FindFirstValue(CustomerClaim), out var customer) && customer != Guid.Empty
            ? new CustomerSession(TenantId.From(company), customer)
            : null;
    }
}
