using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AskPro.Tests.Support;

/// <summary>The real app on a real loopback port (Kestrel), with the demo seeded into its own
/// temp SQLite file. Shared by the tests of one collection.</summary>
public sealed class AppHost : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly Dictionary<string, string?> _settings;
    private readonly CapturedLogs? _logs;
    private readonly Action<IServiceCollection>? _services;

    public AppHost() : this([]) { }

    /// <param name="folder">An existing app folder (database, backups) to start on, e.g. to restart
    /// "the same installation"; it is then left in place. Default: a new temp folder, deleted at the end.</param>
    /// <param name="port">A fixed loopback port (a restart keeps its address); 0 picks a free one.</param>
    internal AppHost(Dictionary<string, string?> settings, FixedClock? clock = null, CapturedLogs? logs = null, string? folder = null, int port = 0,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        _ownsFolder = folder is null;
        _folder = folder ?? TestServices.NewTempDirectory("askpro-app");
        Clock = clock;
        _logs = logs;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={DatabasePath}",
            ["Demo:Seed"] = "true",
            ["Demo:HostFakeRetell"] = "false", // tests that provision start their own fake Retell
            ["Backup:Directory"] = Path.Combine(_folder, "backups"),
            ["Logging:LogLevel:Default"] = "Warning",
            // Suites share one key per company across many tests; RestRateLimitTests sets its own limit.
            ["RateLimits:ApiRequestsPerKeyPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings) _settings[key] = value;
        UseKestrel(port);
    }

    /// <summary>Set when the test controls "now" for the whole app.</summary>
    public FixedClock? Clock { get; }

    public string DatabasePath => Path.Combine(_folder, "askpro.db");
    public string BackupDirectory => Path.Combine(_folder, "backups");

    /// <summary>The app's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, unlike ConfigureAppConfiguration, is in place before Program reads the
        // configuration to choose the database provider.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (Clock is not null)
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        if (_logs is not null)
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        if (_services is not null) builder.ConfigureServices(_services);
    }

    /// <summary>A read of the app's database as the platform (tests only: all companies).</summary>
    public async Task<T> ReadAsync<T>(Func<AskProDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: inspect");
        return await read(scope.ServiceProvider.GetRequiredService<AskProDbContext>());
    }

    public HttpClient ApiClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsFolder) return;
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open by a finishing request; the temp folder is cleaned by the OS */ }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoAppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "demo app";
}
