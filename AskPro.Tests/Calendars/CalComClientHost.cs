using AskPro.Tools.FakeCalCom;
using AskPro.Infrastructure.Calendars.CalCom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Tests.Calendars;

/// <summary>The real Cal.com client (with its resilience pipelines) against a fake Cal.com on a
/// loopback port; both stopped at the end.</summary>
public sealed class CalComClientHost : IAsyncDisposable
{
    public const string KeyB = "calcom-key-company-b";
    public static readonly Guid CompanyA = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid CompanyB = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000002");

    private readonly ServiceProvider _services;

    private CalComClientHost(FakeCalComServer fake, ServiceProvider services)
    {
        Fake = fake;
        _services = services;
    }

    public FakeCalComServer Fake { get; }
    public FakeCalendar Calendar => Fake.Calendar;
    public CalComClient Client => _services.GetRequiredService<CalComClient>();
    public CalComCircuits Circuits => _services.GetRequiredService<CalComCircuits>();
    public CalComConnection A => new(CompanyA, Fake.BaseUrl, FakeCalendar.DemoApiKey);
    public CalComConnection B => new(CompanyB, Fake.BaseUrl, KeyB);

    /// <summary>Fast breaker and backoff by default; <paramref name="settings"/> overrides ("CalCom:…").</summary>
    public static async Task<CalComClientHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var fake = await FakeCalComServer.StartAsync();
        fake.Calendar.ApiKeys.Add(KeyB);
        var config = new Dictionary<string, string?>
        {
            ["CalCom:BreakSeconds"] = "1", ["CalCom:RetryBaseDelaySeconds"] = "0.05", ["CalCom:SamplingSeconds"] = "10",
        };
        foreach (var (k, v) in settings ?? []) config[k] = v;
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System)
            .AddCalComClient(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .BuildServiceProvider();
        return new CalComClientHost(fake, services);
    }

    public int SeenCount(string method, string pathPrefix) =>
        Calendar.Seen.Count(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
