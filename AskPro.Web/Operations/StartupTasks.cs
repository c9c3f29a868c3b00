using AskPro.Infrastructure.Persistence;
using AskPro.Web.Demo;
using Microsoft.Extensions.Options;

namespace AskPro.Web.Operations;

/// <summary>Migrates the database and seeds the demo before anything else starts: it is the
/// first hosted service, so the scheduler and the web server start only after it.</summary>
public sealed class StartupTasks(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> database, IConfiguration configuration,
    DemoSeeder demo, IHostApplicationLifetime lifetime, IServiceProvider services, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        // Compile the DACH numbering plans now, not during the first call.
        Core.PhoneNumbers.PhoneNumberParser.Warm();

        if (database.Value.MigrateOnStartup)
        {
            await using var scope = scopes.CreateAsyncScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AskProDbContext>(), logger, ct);
        }

        if (configuration.GetValue<bool>("Demo:Seed"))
        {
            await demo.SeedAsync(ct);
            if (configuration["Demo:CalComBaseUrl"] is { Length: > 0 } calCom) await DemoCalCom.ApplyAsync(services, calCom, logger, ct);
            lifetime.ApplicationStarted.Register(() => DemoBanner.Print(ServerUrls(), services.GetService<DemoRetell.HostedFakeRetell>()?.BaseUrl));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private ICollection<string> ServerUrls() =>
        services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
}
