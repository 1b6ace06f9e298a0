namespace Gongjian.Testing;

/// <summary>A clock the test sets or moves by hand (for jobs that act on age); starts at the real time.</summary>
public sealed class MovableClock(DateTimeOffset? start = null) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start ?? DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
