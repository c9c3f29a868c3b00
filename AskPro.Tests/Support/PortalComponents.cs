using System.Globalization;
using AskPro.Core.Access;
using AskPro.Core.Customers;
using AskPro.Core.Operations;
using AskPro.Core.Shared;
using AskPro.Infrastructure.Portal;
using AskPro.Web;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AskPro.Tests.Support;

/// <summary>bUnit context for the portal's components: MudBlazor and our texts as the app
/// registers them, query services faked (<see cref="Fakes"/>). Pages render in German unless a
/// test asks for another culture. Async disposal: some MudBlazor services are only IAsyncDisposable.</summary>
public sealed class PortalComponents : IAsyncLifetime
{
    public BunitContext Context { get; } = new();
    public FakePortal Fakes { get; } = new();
    public RecordingStores Stores { get; } = new();

    public Task InitializeAsync()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = Context.Services;
        services.AddMudServices();
        services.AddTransient<MudLocalizer, ResourceMudLocalizer>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<TimeProvider>(TimeProvider.System);
        services.AddSingleton<IDashboardQueries>(Fakes);
        services.AddSingleton<IAppointmentQueries>(Fakes);
        services.AddSingleton<ICallQueries>(Fakes);
        services.AddSingleton<ICustomerQueries>(Fakes);
        services.AddSingleton<ICompanyQueries>(Fakes);
        services.AddSingleton<IApiKeyQueries>(Fakes);
        services.AddSingleton<AskPro.Core.Onboarding.IOnboardingStore>(Fakes);
        services.AddSingleton<ICustomerStore>(Stores);
        services.AddSingleton<IApiKeyStore>(Stores);
        services.AddSingleton<IAuditLog>(Stores);
        services.AddScoped<FindOrCreateCustomer>();
        services.AddScoped<AskPro.Core.Customers.AddCustomer.AddCustomer>();
        services.AddScoped<AskPro.Core.Access.CreateApiKey.CreateApiKey>();
        services.AddScoped<AskPro.Core.Access.RevokeApiKey.RevokeApiKey>();
        services.AddScoped<AskPro.Web.Tenancy.CurrentCompany>();
        Context.AddAuthorization().SetAuthorized("admin-a").SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "admin-a"));
        return Task.CompletedTask;
    }

    /// <summary>Renders in <paramref name="culture"/> (the thread's culture flows into the render's continuations),
    /// with the company cascaded as the layout does.</summary>
    public IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null, string culture = "de-DE")
        where TComponent : IComponent
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var host = Context.Render<CascadingValue<CompanyProfile?>>(p => p
            .Add(c => c.Value, Fakes.Company)
            .AddChildContent<TComponent>(parameters ?? (_ => { })));
        return host.FindComponent<TComponent>();
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();
}

/// <summary>The commands' storage ports, recording what they were asked to store.</summary>
public sealed class RecordingStores : ICustomerStore, IApiKeyStore, IAuditLog
{
    public List<object> Written { get; } = [];
    public List<AuditEntry> Audit { get; } = [];
    public List<Customer> Existing { get; } = [];

    public Task<string> CompanyCountryAsync(CancellationToken ct) => Task.FromResult("DE");
    public Task<Customer?> FindByPhoneAsync(E164Number phone, CancellationToken ct) => Task.FromResult(Existing.FirstOrDefault(c => c.Phone == phone));
    public Task<Customer?> FindByEmailAsync(string email, CancellationToken ct) => Task.FromResult(Existing.FirstOrDefault(c => c.Email == email));

    public Task<bool> TryAddAsync(Customer customer, string actor, CancellationToken ct)
    {
        Written.Add(customer);
        Existing.Add(customer);
        return Task.FromResult(true);
    }

    public Task AddAsync(ApiKey key, AuditEntry audit, CancellationToken ct)
    {
        Written.Add(key);
        Audit.Add(audit);
        return Task.CompletedTask;
    }

    public Task<bool> RevokeAsync(Guid keyId, DateTime at, AuditEntry audit, CancellationToken ct)
    {
        Written.Add(keyId);
        Audit.Add(audit);
        return Task.FromResult(true);
    }

    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        Audit.Add(entry);
        return Task.CompletedTask;
    }
}
