using AskPro.Benchmarks.Http;
using AskPro.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AskPro.Benchmarks.Soak;

/// <summary>The installation under soak (and under the two-node functions benchmark): one app
/// process on SQLite, or one or two on one PostgreSQL database (and, for two, one redis-server
/// and the clustered Quartz store), as child processes on loopback. Disposing stops every
/// process it started.</summary>
public sealed class SoakNodes : IDisposable
{
    private readonly ExternalProcess? _redis;
    private readonly string? _postgres;

    private SoakNodes(IReadOnlyList<AppProcess> apps, ExternalProcess? redis, string? postgres)
    {
        Apps = apps;
        _redis = redis;
        _postgres = postgres;
    }

    public IReadOnlyList<AppProcess> Apps { get; }

    /// <summary>The PostgreSQL database of the nodes; null on SQLite (see <see cref="AppProcess.DatabasePath"/>).</summary>
    public string? PostgresConnectionString => _postgres;

    /// <summary>CPU time all app processes have used so far.</summary>
    public TimeSpan CpuTime => Apps.Aggregate(TimeSpan.Zero, (sum, app) => sum + app.CpuTime);

    /// <summary>Starts <paramref name="nodes"/> app processes on <paramref name="provider"/>
    /// (sqlite or postgres; two nodes need postgres): the one way the benchmarks start nodes.</summary>
    public static async Task<SoakNodes> StartAsync(int nodes, string provider)
    {
        var settings = new Dictionary<string, string>
        {
            ["Demo:Seed"] = "true",
            // All traffic comes from 127.0.0.1; Retell's deliveries come from many addresses.
            ["RateLimits:WebhooksPerIpPerMinute"] = "100000000",
            ["RateLimits:WebhooksPerTenantPerMinute"] = "100000000",
        };
        string? postgres = null;
        ExternalProcess? redis = null;
        var apps = new List<AppProcess>();
        try
        {
            if (provider == "postgres")
            {
                postgres = await (await PostgresServer.GetAsync()).CreateDatabaseAsync();
                settings["Database:Provider"] = "Postgres";
                settings["Database:ConnectionString"] = postgres;
            }
            if (nodes == 2)
            {
                var port = TestServices.FreePort();
                redis = RedisServer.StartOwn(port);
                settings["Redis:Configuration"] = $"127.0.0.1:{port},abortConnect=false";
                settings["Scheduler:Store"] = "Postgres";
            }
            for (var node = 0; node < nodes; node++) apps.Add(await AppProcess.StartAsync(settings)); // the first migrates and seeds
            return new SoakNodes(apps, redis, postgres);
        }
        catch
        {
            foreach (var app in apps) app.Dispose();
            redis?.Dispose();
            throw;
        }
    }

    /// <summary>Rows not yet done (Pending, Processing, Failed) in the inbox and the outbox: a
    /// read-only query from outside the app, so the measurement adds no code to the app.</summary>
    public async Task<(long Inbox, long Outbox)> QueueDepthAsync()
    {
        const string notDone = "('Pending','Processing','Failed')";
        if (_postgres is null)
        {
            await using var sqlite = new SqliteConnection($"Data Source={Apps[0].DatabasePath};Mode=ReadOnly");
            await sqlite.OpenAsync();
            return (await ScalarAsync(sqlite, $"SELECT COUNT(*) FROM Inbox WHERE Status IN {notDone}"),
                    await ScalarAsync(sqlite, $"SELECT COUNT(*) FROM Outbox WHERE Status IN {notDone}"));
        }
        await using var pg = new NpgsqlConnection(_postgres);
        await pg.OpenAsync();
        return (await ScalarAsync(pg, $"SELECT COUNT(*) FROM \"Inbox\" WHERE \"Status\" IN {notDone}"),
                await ScalarAsync(pg, $"SELECT COUNT(*) FROM \"Outbox\" WHERE \"Status\" IN {notDone}"));
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql; // fixed text from this file only
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        foreach (var app in Apps) app.Dispose();
        _redis?.Dispose();
        // The PostgreSQL server is the shared one of PostgresServer: stopped by its ProcessExit handler.
    }
}
