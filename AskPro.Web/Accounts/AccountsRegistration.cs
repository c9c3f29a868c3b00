using AskPro.Infrastructure.Accounts;
using AskPro.Infrastructure.Persistence;
using AskPro.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace AskPro.Web.Accounts;

public static class AccountsRegistration
{
    private const string SelectingScheme = "AskPro";

    public static IServiceCollection AddAskProAccounts(this IServiceCollection services, IWebHostEnvironment environment)
    {
        // One default scheme that picks per request: the REST API (and anything sending
        // X-Api-Key) authenticates by key, the portal by the Identity cookie. Authenticating
        // up front lets the tenant middleware see the company either way.
        services.AddAuthentication(SelectingScheme)
            .AddPolicyScheme(SelectingScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationOptions.Header) || context.Request.Path.StartsWithSegments("/api/v1")
                    ? ApiKeyAuthenticationOptions.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationOptions.Scheme, _ => { })
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // Signed-up admins prove their address first (the confirmation link signs them in).
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AskProDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<CompanyClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<GermanIdentityErrors>();

        // A removed colleague's cookie stops working within a minute (the account is gone, so its
        // security stamp no longer validates), not only after the default half hour.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The check re-creates the principal from the account: a platform admin's chosen company
            // is a claim of the sign-in, not of the account, so it is carried over.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(AskProClaims.Company) is { } chosen && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity renewed
                    && !renewed.HasClaim(c => c.Type == AskProClaims.Company))
                    renewed.AddClaim(new System.Security.Claims.Claim(AskProClaims.Company, chosen.Value));
                return Task.CompletedTask;
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "askpro.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Replacing the events drops the security-stamp check AddIdentityCookies put there: keep it,
            // or a removed (or re-roled) colleague's cookie would work on until it expires.
            o.Events = new CookieAuthenticationEvents
            {
                OnSigningIn = SessionLimit.StampAsync,
                OnValidatePrincipal = async ctx =>
                {
                    await SecurityStampValidator.ValidatePrincipalAsync(ctx);
                    if (ctx.Principal is null || !SessionLimit.Expired(ctx)) return;
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                },
                // The login page redirects itself, to a checked local path (LocalUrl); the handler's
                // own "ReturnUrl" redirect would accept values a response header cannot carry.
                OnRedirectToReturnUrl = _ => Task.CompletedTask,
                // API callers get status codes, never a redirect to the login page.
                OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CompanyUser, p => p.RequireAuthenticatedUser().RequireClaim(AskProClaims.Company))
            .AddPolicy(Policies.CompanyAdmin, p => p.RequireClaim(AskProClaims.Company).RequireRole(Roles.CompanyAdmin, Roles.PlatformAdmin))
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin));

        services.AddSingleton<AccountMailer>();
        services.AddSingleton<IEmailSender<AppUser>>(sp => sp.GetRequiredService<AccountMailer>());
        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
