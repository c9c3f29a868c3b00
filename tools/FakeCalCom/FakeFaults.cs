namespace AskPro.Tools.FakeCalCom;

/// <summary>What the fake answers instead of the real thing. Each mirrors a documented Cal.com
/// failure (CONTRACTS.md), or a network fault AskPro must survive.</summary>
public enum Fault
{
    /// <summary>400: the start is inside the event type's minimum booking notice.</summary>
    MinimumNotice,

    /// <summary>400: a required booking field is missing.</summary>
    MissingField,

    /// <summary>400: the time is no longer free (someone booked it on Cal.com's own page).</summary>
    SlotTaken,

    Unauthorized,
    NotFound,

    /// <summary>429 with a Retry-After header (<see cref="FaultRule.RetryAfterSeconds"/>).</summary>
    TooManyRequests,

    ServerError,

    /// <summary>Never answers (until the client gives up).</summary>
    Hang,

    /// <summary>Books (or moves), then never answers: the caller cannot know it worked.</summary>
    BookThenHang,

    /// <summary>Answers a booking request with another caller's existing booking (what Cal.com does
    /// when two bookings share one attendee e-mail).</summary>
    WrongBooking,
}

/// <summary>A switch: answer matching requests with <see cref="Fault"/>, <see cref="Times"/> times
/// (null: until cleared). Narrowed to one API key (one tenant), a method and a path prefix.</summary>
public sealed record FaultRule(Fault Fault, int? Times = null, string? ApiKey = null, string? Method = null, string? PathPrefix = null,
    int RetryAfterSeconds = 1)
{
    internal int Used;

    internal bool Matches(string apiKey, string method, string path) =>
        (ApiKey is null || ApiKey == apiKey)
        && (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The switches in force, checked in order; thread-safe.</summary>
public sealed class FaultSwitches
{
    private readonly List<FaultRule> _rules = [];

    /// <summary>Added to every answer (the benchmark's 50 ms).</summary>
    public TimeSpan Latency { get; set; }

    public FaultRule Add(FaultRule rule)
    {
        lock (_rules) _rules.Add(rule);
        return rule;
    }

    public void Clear()
    {
        lock (_rules) _rules.Clear();
        Latency = TimeSpan.Zero;
    }

    internal FaultRule? Take(string apiKey, string method, string path)
    {
        lock (_rules)
        {
            foreach (var rule in _rules)
            {
                if (!rule.Matches(apiKey, method, path)) continue;
                if (rule.Times is { } times && rule.Used >= times) continue;
                rule.Used++;
                return rule;
            }
            return null;
        }
    }
}
