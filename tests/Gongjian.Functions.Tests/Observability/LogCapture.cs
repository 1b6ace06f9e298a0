using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gongjian.Functions.Tests.Observability;

/// <summary>One log line as a sink would see it: message, structured values, exception and every scope.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, string Message, string? Exception,
    IReadOnlyList<KeyValuePair<string, string?>> Values, IReadOnlyList<string> ScopeTexts,
    IReadOnlyList<KeyValuePair<string, string?>> ScopeValues)
{
    /// <summary>The innermost scope value named <paramref name="key"/> (inner scopes override outer ones).</summary>
    public string? Scope(string key) => ScopeValues.LastOrDefault(v => v.Key == key).Value;

    /// <summary>Everything of this line that could reach a log sink, for privacy checks.</summary>
    public string AllText => string.Join("\n", [Category, Message, Exception, .. Values.Select(v => $"{v.Key}={v.Value}"),
        .. ScopeTexts, .. ScopeValues.Select(v => $"{v.Key}={v.Value}")]);
}

/// <summary>
/// A logger provider that keeps every line with the scopes active when it was written, the way the
/// console (IncludeScopes) and the OpenTelemetry log exporter see them.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
    public void Dispose() { }

    private static List<KeyValuePair<string, string?>> Pairs(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => KeyValuePair.Create(p.Key, p.Value?.ToString())).ToList() : [];

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string>();
            var values = new List<KeyValuePair<string, string?>>();
            owner._scopes.ForEachScope((scope, _) =>
            {
                texts.Add(scope?.ToString() ?? "");
                values.AddRange(Pairs(scope));
            }, (object?)null);
            owner.Lines.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), Pairs(state), texts, values));
        }
    }
}
