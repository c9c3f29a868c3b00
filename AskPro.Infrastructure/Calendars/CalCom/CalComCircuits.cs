using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace AskPro.Infrastructure.Calendars.CalCom;

/// <summary>The state of each company's Cal.com circuit and its last errors, for the health page,
/// /health/detailed and the integration settings page. One circuit per company: a noisy company
/// never opens another's.</summary>
public sealed class CalComCircuits(TimeProvider clock)
{
    public const int KeptErrors = 10;

    private readonly ConcurrentDictionary<Guid, CircuitBreakerStateProvider> _states = new();
    private readonly ConcurrentDictionary<Guid, LinkedList<CalComIncident>> _errors = new();

    public sealed record CalComIncident(DateTimeOffset At, string Endpoint, CalComFailure Failure, int? Status, string StaffMessage);

    public sealed record CircuitView(Guid CompanyId, string State, IReadOnlyList<CalComIncident> LastErrors);

    internal void Track(Guid companyId, CircuitBreakerStateProvider state) => _states[companyId] = state;

    internal void Failed(Guid companyId, string endpoint, CalComError error)
    {
        var list = _errors.GetOrAdd(companyId, _ => new LinkedList<CalComIncident>());
        lock (list)
        {
            list.AddFirst(new CalComIncident(clock.GetUtcNow(), endpoint, error.Failure, (int?)error.Status, error.StaffMessage));
            while (list.Count > KeptErrors) list.RemoveLast();
        }
    }

    /// <summary>"Closed", "Open", "HalfOpen" or "Isolated"; "Closed" for a company that has not called Cal.com yet.</summary>
    public string StateOf(Guid companyId) => _states.TryGetValue(companyId, out var state) ? state.CircuitState.ToString() : nameof(CircuitState.Closed);

    public CircuitView Of(Guid companyId)
    {
        IReadOnlyList<CalComIncident> errors = [];
        if (_errors.TryGetValue(companyId, out var list)) lock (list) errors = [.. list];
        return new CircuitView(companyId, StateOf(companyId), errors);
    }

    public IReadOnlyList<CircuitView> All() => _states.Keys.Union(_errors.Keys).Select(Of).ToList();
}
