using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AskPro.Tools.FakeRetell;

/// <summary>A request as the fake saw it (after authentication), with its JSON body.</summary>
public sealed record SeenRequest(DateTimeOffset At, string Method, string Path, JsonNode? Body, int Status);

/// <summary>One Retell workspace in memory: the LLMs, agents and phone numbers created through
/// the API, each as the JSON Retell would return (the fields sent, plus Retell's own), and
/// every request, for tests to check payloads field by field.</summary>
public sealed class FakeRetellWorkspace
{
    public const string DemoApiKey = "askpro-demo-retell-key";

    private int _sequence;
    private readonly ConcurrentQueue<SeenRequest> _requests = new();

    public HashSet<string> ApiKeys { get; } = [DemoApiKey];
    public FaultSwitches Faults { get; } = new();

    public ConcurrentDictionary<string, JsonObject> Llms { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Agents { get; } = new();

    /// <summary>By E.164 number (Retell's id for numbers).</summary>
    public ConcurrentDictionary<string, JsonObject> PhoneNumbers { get; } = new();

    /// <summary>Ids deleted through the API (LLMs and agents), in order.</summary>
    public ConcurrentQueue<string> Deleted { get; } = new();

    public IReadOnlyList<SeenRequest> Requests => [.. _requests];

    internal void See(SeenRequest request) => _requests.Enqueue(request);

    /// <summary>Retell-like opaque ids ("llm_…", "agent_…").</summary>
    internal string NewId(string prefix) => $"{prefix}_{Interlocked.Increment(ref _sequence):D4}{Guid.NewGuid():N}"[..(prefix.Length + 25)];

    /// <summary>A number Retell would sell for an area code (US only, as Retell documents).</summary>
    internal string NewNumber(int areaCode) => $"+1{areaCode:D3}555{Interlocked.Increment(ref _sequence) % 10000:D4}";

    public void Reset()
    {
        Llms.Clear();
        Agents.Clear();
        PhoneNumbers.Clear();
        Deleted.Clear();
        _requests.Clear();
        Faults.Clear();
    }
}
