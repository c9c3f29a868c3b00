using System.Globalization;
using AskPro.Infrastructure.Booking;
using AskPro.Infrastructure.Events;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.Waitlist;
using AskPro.Infrastructure.Caching;
using AskPro.Infrastructure.Calendars;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Persistence;
using AskPro.Infrastructure.Security;
using AskPro.Infrastructure.Telephony;
using AskPro.Web.Telephony;
using AskPro.Web.Webhooks;
using AskPro.Infrastructure.Webhooks;
using AskPro.Infrastructure.Observability;
using AskPro.Web.Accounts;
using AskPro.Web.Api;
using AskPro.Web.Components;
using AskPro.Web.Customers;
using AskPro.Web.Demo;
using AskPro.Web.Notifications;
using AskPro.Web.OnlineBooking;
using AskPro.Web.CustomerPortal;
using AskPro.Web.Operations;
using AskPro.Web.Tenancy;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using AskPro.Infrastructure.Portal;
using AskPro.Infrastructure.Onboarding;
using MudBlazor;
using MudBlazor.Services;

namespace AskPro.Web;

/// <summary>The whole composition of the app, in one place.</summary>
public static class Composition
{
    public static WebApplicationBuilder AddAskPro(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        // Static web assets (_content/MudBlazor, _framework/blazor.web.js) are served from the build outside Development too.
        builder.WebHost.UseStaticWebAssets();

        ResolveSqlitePath(builder);
        DemoRetell.HostIfAsked(builder); // before anything reads Retell:ApiBaseUrl
        services.AddHostedService<StartupTasks>(); // first after the demo's fake Retell: migrate and seed before the rest starts
        var health = services.AddHealthChecks();
        services.AddAskProPersistence(configuration);
        health.AddDbContextCheck<AskProDbContext>("database", HealthStatus.Unhealthy, ["ready"]);
        services.AddAskProCaching(configuration, health);
        services.AddAskProScheduler(configuration, health);
        services.AddAskProDataProtection(configuration);
        services.AddAskProBooking(configuration);
        health.AddCalComCircuits();
        services.AddAskProEvents(configuration);
        services.AddAskProNotifications(configuration, builder.Environment);
        services.AddAskProWaitlist(configuration);
        services.AddAskProTelephony(configuration);
        services.AddAskProWebhooks(configuration);
        services.AddAskProMetrics();
        services.AddWebhookRateLimits(configuration);
        services.AddSignUpRateLimit(configuration);
        services.AddApiRateLimits(configuration);
        services.AddOnlineBooking(configuration);
        services.AddCustomerPortal(configuration, builder.Environment);
        services.AddAskProAccounts(builder.Environment);
        services.AddRestApi();
        services.AddAskProPortal();
        services.AddAskProOnboarding();
        services.AddSingleton<DemoSeeder>();
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddHttpClient("simulator", c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<CallSimulator>();
        services.AddScoped<StaffInvitations>();
        services.AddScoped<TeamMembers>();
        services.AddScoped<SignInAudit>();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new("de-DE"), new("en-US")];
            o.DefaultRequestCulture = new RequestCulture("de-DE");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
            o.AddInitialRequestCultureProvider(new CookieRequestCultureProvider());
        });
        services.Configure<RequestLocalizationOptions>(o => o.ApplyCurrentCultureToResponseHeaders = true);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, Accounts.SecurityStampRevalidation>();
        services.AddScoped<CircuitHandler, TenantCircuitHandler>();
        services.AddAskProPortalUi();
        return builder;
    }

    public static WebApplication UseAskPro(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePages();
        app.UseMetricsEndpoint();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseUtf8JsonOnly();
        app.UseIdempotencyBuffering();

        app.MapHealth();
        app.MapRestApi();
        app.MapRetell();
        app.MapRetellWebhooks();
        app.MapCalComWebhooks();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "AskPro API v1");
        });
        app.MapAccountEndpoints();
        app.MapOnlineBooking();
        app.MapCustomerExport();
        app.MapAuditExport();
        app.MapCustomerPortal();
        if (app.Environment.IsDevelopment()) app.MapDevOutbox();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>MudBlazor with our texts, and what every page shares per circuit.</summary>
    private static IServiceCollection AddAskProPortalUi(this IServiceCollection services)
    {
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddTransient<MudLocalizer, ResourceMudLocalizer>();
        services.AddScoped<CurrentCompany>();
        return services;
    }

    /// <summary>A relative SQLite path is taken relative to the app's content root, so
    /// "dotnet run" from any folder uses the same file.</summary>
    private static void ResolveSqlitePath(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.Section);
        if (!string.Equals(section["Provider"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase)) return;
        var cs = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(section["ConnectionString"] ?? "Data Source=App_Data/askpro.db");
        if (cs.DataSource == ":memory:" || Path.IsPathRooted(cs.DataSource)) return;
        cs.DataSource = Path.Combine(builder.Environment.ContentRootPath, cs.DataSource);
        section["ConnectionString"] = cs.ToString();
    }
}
