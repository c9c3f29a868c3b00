using AskPro.Core.Directory;
using AskPro.Core.Telephony.Provisioning;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Tools.FakeRetell;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Provisioning;

/// <summary>The demo app talking to a fake Retell API on its own loopback port (real HTTP both
/// ways), with short timeouts so a hanging Retell shows in a second. Each test gets salons of its
/// own (<see cref="SalonAsync"/>) and clears the fake's switches.</summary>
public sealed class ProvisioningApp : IAsyncLifetime
{
    public const string PublicBase = "https://askpro.example.de";

    public FakeRetellServer Retell { get; private set; } = null!;
    public AppHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Retell = await FakeRetellServer.StartAsync();
        Host = new AppHost(new Dictionary<string, string?>
        {
            ["Retell:ApiBaseUrl"] = Retell.BaseUrl.ToString(),
            ["Retell:VoiceId"] = "11labs-Carola",
            // Short enough that a hanging fake costs the Hang test little, long enough that a fake
            // answering late on a loaded machine is not taken for a hang (1 s was not).
            ["Retell:AttemptTimeoutSeconds"] = "3",
            ["Retell:TotalTimeoutSeconds"] = "6",
            ["Messages:PublicBaseUrl"] = PublicBase,
        });
        _ = Host.BaseAddress; // starts the app
    }

    public async Task DisposeAsync()
    {
        Host.Dispose();
        await Retell.DisposeAsync();
    }

    /// <summary>A complete salon of its own (branch with Monday hours, Herrenhaarschnitt 30 min 29 €,
    /// Anna, a number), without a phone agent yet.</summary>
    public async Task<SalonData> SalonAsync(CompanyStatus status = CompanyStatus.Draft)
    {
        var key = "prov-" + Guid.NewGuid().ToString("N")[..8];
        var salon = TenantWorld.Salon(key, "+4930555" + Random.Shared.Next(80000, 89999), "+4915112345678");
        salon.Company.Status = status;
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: seed salon");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        db.Companies.Add(salon.Company);
        db.AddRange(salon.Rows.Where(r => r.Key != typeof(VoiceAgent)).Select(r => r.Value));
        await db.SaveChangesAsync();
        return salon;
    }

    public async Task<T> AsTenantAsync<T>(Guid company, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(company));
        return await work(scope.ServiceProvider);
    }

    public Task<T> ReadAsync<T>(Func<AskProDbContext, Task<T>> read) => Host.ReadAsync(read);
}
