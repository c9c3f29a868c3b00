using Microsoft.AspNetCore.Authentication.Cookies;

namespace AskPro.Web.CustomerPortal;

public static class CustomerPortalWebRegistration
{
    public static IServiceCollection AddCustomerPortal(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddOptions<CustomerPortalOptions>().Bind(configuration.GetSection(CustomerPortalOptions.Section))
            .Validate(o => o.SessionMinutes > 0 && o.LinksPerIpPerHour > 0 && o.LinksPerAddressPerHour > 0, "CustomerPortal limits must be positive.")
            .ValidateOnStart();
        var sessionMinutes = configuration.GetSection(CustomerPortalOptions.Section).Get<CustomerPortalOptions>()?.SessionMinutes ?? 120;
        services.AddAuthentication().AddCookie(CustomerPortalAuth.Scheme, o =>
        {
            o.Cookie.Name = "askpro.customer";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax; // the magic link arrives as a top-level navigation from a mail app
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(sessionMinutes);
            o.SlidingExpiration = true;
            // The portal's endpoints answer with status codes; the page itself asks for a link.
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; },
                OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; },
            };
        });
        services.AddSingleton<SignInLinkLimits>();
        return services;
    }
}
