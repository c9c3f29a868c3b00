namespace AskPro.Tools.FakeRetell;

/// <summary>What the fake answers instead of the real thing, each with the status and message
/// Retell's API reference documents for it.</summary>
public enum Fault
{
    /// <summary>401 "API key is missing or invalid."</summary>
    Unauthorized,

    /// <summary>422 "Cannot find requested asset under given api key." (or the rule's message).</summary>
    Unprocessable,

    /// <summary>429 "Account rate limited, please throttle your requests."</summary>
    TooManyRequests,

    /// <summary>500 "An unexpected server error occurred."</summary>
    ServerError,

    /// <summary>Never answers, until the client gives up (a timeout).</summary>
    Hang,

    /// <summary>Carries the request out (creates the agent, the number …), then never answers:
    /// the client cannot know it worked.</summary>
    DoThenHang,
}

/// <summary>A switch: answer matching requests with <see cref="Fault"/>, <see cref="Times"/> times
/// (null: until cleared), narrowed to a method and a path prefix ("/create-agent").</summary>
public sealed record FaultRule(Fault Fault, int? Times = null, string? Method = null, string? PathPrefix = null, string? Message = null)
{
    internal int Used;

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The switches in force, checked in order; thread-safe.</summary>
public sealed class FaultSwitches
{
    private readonly List<FaultRule> _rules = [];

    public FaultRule Add(FaultRule rule)
    {
        lock (_rules) _rules.Add(rule);
        return rule;
    }

    public void Clear()
    {
        lock (_rules) _rules.Clear();
    }

    internal FaultRule? Take(string method, string path)
    {
        lock (_rules)
        {
            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path)) continue;
                if (rule.Times is { } times && rule.Used >= times) continue;
                rule.Used++;
                return rule;
            }
            return null;
        }
    }
}
