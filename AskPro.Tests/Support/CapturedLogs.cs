using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AskPro.Tests.Support;

/// <summary>Everything the app logs — message, structured values, scopes and exceptions — as
/// text, so a test can search it for data that must never be written to a log.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var (key, value) in values) entry.Append($" | {key}={value}");
            owner._scopes.ForEachScope((scope, text) =>
            {
                text.Append(" | scope: ").Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) text.Append($" {key}={value}");
            }, entry);
            if (exception is not null) entry.Append(" | ").Append(exception);
            owner._entries.Enqueue(entry.ToString());
        }
    }
}
