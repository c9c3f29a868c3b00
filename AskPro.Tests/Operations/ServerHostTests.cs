using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AskPro.Tests.Support;
using AskPro.Web.Demo;

namespace AskPro.Tests.Operations;

/// <summary>The production shape: the whole app on a server database (PostgreSQL with the
/// clustered Quartz store; SQL Server when ASKPRO_SQLSERVER is set).</summary>
public sealed class ServerHostTests
{
    [PostgresFact]
    public async Task The_app_migrates_seeds_and_serves_on_PostgreSQL_with_the_clustered_scheduler()
    {
        var server = await PostgresServer.GetAsync();
        var connection = await server.CreateDatabaseAsync();
        await MigratesSeedsAndServesAsync(new()
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connection,
            ["Scheduler:Store"] = "Postgres",
        });
    }

    [SqlServerFact]
    public async Task The_app_migrates_seeds_and_serves_on_SQL_Server() =>
        await MigratesSeedsAndServesAsync(new()
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = await TestDatabase.CreateServerDatabaseAsync(Infrastructure.Persistence.DatabaseProvider.SqlServer),
        });

    private static async Task MigratesSeedsAndServesAsync(Dictionary<string, string?> settings)
    {
        using var app = new AppHost(settings);
        using var client = app.ApiClient(DemoData.Salon.ApiKey);

        // Readiness may lag a moment while the clustered scheduler checks in.
        var ready = await client.GetAsync("/health/ready");
        for (var i = 0; i < 60 && ready.StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(500);
            ready = await client.GetAsync("/health/ready");
        }
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        var appointments = await client.GetFromJsonAsync<JsonElement>("/api/v1/appointments?pageSize=1");
        Assert.True(appointments.GetProperty("total").GetInt32() > 100);
        var praxis = await app.ApiClient(DemoData.Praxis.ApiKey).GetFromJsonAsync<JsonElement>("/api/v1/services");
        Assert.Equal(3, praxis.GetProperty("total").GetInt32());
    }
}
