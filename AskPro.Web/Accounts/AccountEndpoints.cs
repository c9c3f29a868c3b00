using System.Security.Claims;
using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Web.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/logout", LogoutAsync);
        account.MapPost("/select-company", SelectCompanyAsync).RequireAuthorization(Policies.PlatformAdmin);
        app.MapGet("/culture/set", SetCulture);
        return app;
    }

    /// <summary>No form field is bound, so nothing checks the antiforgery token by itself: it is
    /// checked here, or any other site could sign people out.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> LogoutAsync(SignInManager<AppUser> signIn, IAntiforgery antiforgery, HttpContext http)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return TypedResults.Problem("Die Seite war zu lange offen. Bitte neu laden und erneut abmelden.", statusCode: StatusCodes.Status400BadRequest);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("~/account/login");
    }

    /// <summary>A platform admin acts for one company at a time, chosen explicitly and audited.</summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> SelectCompanyAsync(
        [FromForm] Guid companyId, HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users,
        AskProDbContext db, TenantContext tenant, TimeProvider clock, ILogger<AppUser> logger)
    {
        tenant.EnterPlatformScope("platform admin: select company");
        if (!await db.Companies.AnyAsync(c => c.Id == companyId)) return TypedResults.NotFound();

        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.NotFound();
        db.AuditEntries.Add(new AuditEntry
        {
            CompanyId = companyId, Actor = user.Id, Action = "platform.select-company",
            EntityType = "Company", EntityId = companyId.ToString(), At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        logger.LogInformation("Platform admin {UserId} now acts for company {CompanyId}", user.Id, companyId);

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AskProClaims.Company, companyId.ToString())]);
        return TypedResults.LocalRedirect("~/");
    }

    private static RedirectHttpResult SetCulture(string culture, string? redirectUri, HttpContext http)
    {
        if (culture is "de" or "en")
        {
            culture = culture == "de" ? "de-DE" : "en-US"; // the supported cultures
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        return TypedResults.LocalRedirect(LocalUrl.OrHome(redirectUri));
    }
}
