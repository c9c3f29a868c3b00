using System.Security.Claims;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;

namespace AskPro.Web.Tenancy;

/// <summary>Sets the request's tenant from the authenticated principal's company claim (a
/// portal user or an API key). Runs once per request, right after authentication.</summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        if (TenantClaims.CompanyOf(context.User) is { } company)
        {
            tenant.UseTenant(company);
            using (logger.BeginScope(new Dictionary<string, object> { ["CompanyId"] = company.Value }))
            {
                await next(context);
            }
            return;
        }
        await next(context);
    }
}

public static class TenantClaims
{
    public static TenantId? CompanyOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && Guid.TryParse(user.FindFirstValue(AskProClaims.Company), out var id) && id != Guid.Empty
            ? TenantId.From(id)
            : null;
}
