using AskPro.Tests.Support;
using AskPro.Tests.Telephony;
using AskPro.Tools.FakeCalCom;

namespace AskPro.Tests.Calendars;

/// <summary>The demo app switched to Cal.com (<c>Demo:CalComBaseUrl</c>) at a fake Cal.com on a
/// loopback port, both on one fixed clock (Monday 23 November 2026, 08:00 in Berlin). The real
/// timeouts (3 s per attempt, 8 s overall); a circuit that never opens, because faults of
/// one test must not spill into the next (the circuit has its own tests); and a rate limit above
/// what 100 simultaneous callers send.</summary>
public sealed class CalComSalon : IAsyncLifetime
{
    /// <summary>A warm-up schedule that never comes: the fixed clock stands on the full hour, where
    /// the hourly one would fire at once (and take a test's faults); tests trigger it themselves.</summary>
    public const string NoWarmup = "0 0 0 1 1 ? 2099";

    public FixedClock Clock { get; } = new(BookingApp.Start);
    public FakeCalComServer Fake { get; private set; } = null!;
    public BookingApp App { get; private set; } = null!;
    public FakeCalendar Calendar => Fake.Calendar;

    public async Task InitializeAsync()
    {
        Fake = await FakeCalComServer.StartAsync(FakeCalendar.DemoSalon(Clock));
        App = new BookingApp(new()
        {
            ["Demo:CalComBaseUrl"] = Fake.BaseUrl.ToString(),
            ["CalCom:AttemptTimeoutSeconds"] = "3", ["CalCom:TotalTimeoutSeconds"] = "8", ["CalCom:RetryBaseDelaySeconds"] = "0.05",
            ["CalCom:MinimumThroughput"] = "100000", ["CalCom:RequestsPerMinute"] = "10000", ["CalCom:WarmupOnStart"] = "false", ["CalCom:WarmupCron"] = NoWarmup,
        }, Clock);
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Fake.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CalComSalonCollection : ICollectionFixture<CalComSalon>
{
    public const string Name = "cal.com salon";
}
