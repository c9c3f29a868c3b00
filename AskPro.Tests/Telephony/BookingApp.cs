using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;

namespace AskPro.Tests.Telephony;

/// <summary>The demo app with "now" fixed at Monday 23 November 2026, 08:00 in Berlin, and a
/// fake Retell that signs like Retell. Tests book from 14 December on (after the demo's
/// appointments), each on its own day and with its own call ids.</summary>
public sealed class BookingApp : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    public BookingApp() : this([]) { }

    internal BookingApp(Dictionary<string, string?> settings, FixedClock? clock = null)
    {
        Clock = clock ?? new FixedClock(Start);
        Host = new AppHost(settings, Clock);
        Retell = new RetellClient(Host.ApiClient(null), "askpro-demo-retell-key", () => Clock.Now);
    }

    public FixedClock Clock { get; }
    public AppHost Host { get; }
    public RetellClient Retell { get; }

    /// <summary>A read of the database as the platform (tests only).</summary>
    public Task<T> ReadAsync<T>(Func<AskProDbContext, Task<T>> read) => Host.ReadAsync(read);

    public void Dispose() => Host.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BookingAppCollection : ICollectionFixture<BookingApp>
{
    public const string Name = "booking app";
}
