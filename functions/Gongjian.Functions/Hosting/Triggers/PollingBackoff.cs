namespace Gongjian.Functions.Hosting.Triggers;

/// <summary>
/// How long an idle queue listener waits before polling again: 100 ms after the last message,
/// doubling on every empty receive up to maxPollingInterval (as the Functions host does), so an
/// idle app costs few storage transactions and a busy one reacts at once.
/// </summary>
public sealed class PollingBackoff(TimeSpan max)
{
    public static readonly TimeSpan Min = HostJsonOptions.MinPollingInterval;
    private readonly TimeSpan _max = max < Min ? Min : max;

    /// <summary>The wait that the next empty receive will cause.</summary>
    public TimeSpan Current { get; private set; } = Min;

    /// <summary>After an empty receive: the wait to use now; the next one is twice as long (capped).</summary>
    public TimeSpan Idle()
    {
        var wait = Current;
        Current = Current * 2 > _max ? _max : Current * 2;
        return wait;
    }

    /// <summary>Messages arrived: poll eagerly again.</summary>
    public void Reset() => Current = Min;
}
