namespace Gongjian.Engine;

/// <summary>
/// The correlation id of the work in progress: from the HTTP request (<c>X-Correlation-Id</c>, else
/// the trace id) into every outbox message, and from a message into the work it causes.
/// </summary>
public static class Correlation
{
    public const string Header = "X-Correlation-Id";
    private static readonly AsyncLocal<string?> CurrentId = new();

    public static string? Current => CurrentId.Value ?? System.Diagnostics.Activity.Current?.TraceId.ToString();

    public static IDisposable Begin(string? id)
    {
        var previous = CurrentId.Value;
        CurrentId.Value = string.IsNullOrWhiteSpace(id) || id.Length > 100 ? Guid.NewGuid().ToString("N") : id;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentId.Value = previous;
    }
}
