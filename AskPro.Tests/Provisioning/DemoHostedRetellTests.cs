using AskPro.Core.Tenancy;
using AskPro.Core.Telephony.Provisioning.ProvisionAgent;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Provisioning;

/// <summary>The demo, started as the README says, provisions phone agents with no second
/// process: it hosts the fake Retell API itself (over real HTTP) and stops it with the app.</summary>
public sealed class DemoHostedRetellTests
{
    [Fact]
    public async Task The_demo_provisions_a_branch_against_the_fake_Retell_it_hosts_and_stops_it_with_the_app()
    {
        Uri fake;
        using (var app = new AppHost(new() { ["Demo:HostFakeRetell"] = "true", ["Retell:ApiBaseUrl"] = "http://127.0.0.1:1/" }))
        {
            _ = app.BaseAddress;
            fake = app.Services.GetRequiredService<DemoRetell.HostedFakeRetell>().BaseUrl;
            Assert.True(fake.IsLoopback);

            var branch = await app.ReadAsync(db => db.Branches.Where(b => db.Companies.Any(c => c.Id == b.CompanyId && c.TenantKey == "demo-salon")).FirstAsync());
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(TenantId.From(branch.CompanyId));
            var outcome = await scope.ServiceProvider.GetRequiredService<ProvisionAgent>().RunAsync(branch.Id, default);
            Assert.IsType<ProvisioningOutcome.Provisioned>(outcome);

            using var http = new HttpClient();
            var state = await http.GetStringAsync(new Uri(fake, "_fake/state"));
            Assert.Contains("\"agent_id\"", state);
            Assert.Contains("Salon Sonnenschein", state); // the prompt names the company
        }
        using var after = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(new Uri(fake, "_fake/state")));
    }
}
