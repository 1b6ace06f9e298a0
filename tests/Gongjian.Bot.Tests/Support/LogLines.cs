using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjian.Bot.Tests.Support;

/// <summary>Every log line the app writes, at every level, with its values and scopes: what a log sink would receive.</summary>
public sealed class LogLines : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes these lines one of the app's log sinks, at every level whatever the app's own filters say.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.AddLogging(b => b.AddFilter<LogLines>(null, LogLevel.Trace));
    }

    /// <summary>Waits until a line matching <paramref name="match"/> has been written (every line wakes it), up to 30 s.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var added = Volatile.Read(ref _added).Task;
            if (Lines.FirstOrDefault(match) is { } line) return line;
            try { await added.WaitAsync(cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException("No such log line was written."); }
        }
    }

    private void Add(string line)
    {
        Lines.Enqueue(line);
        Interlocked.Exchange(ref _added, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
    public void Dispose() { }

    private sealed class Logger(LogLines owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { category, formatter(state, exception), exception?.ToString() ?? "" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values) parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            owner._scopes.ForEachScope((scope, all) => all.Add(scope?.ToString() ?? ""), parts);
            owner.Add(string.Join("\n", parts));
        }
    }
}
