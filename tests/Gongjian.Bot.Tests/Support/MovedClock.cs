namespace Gongjian.Bot.Tests.Support;

/// <summary>A clock that reads a time the test sets (for jobs that act on age, such as chat retention).</summary>
public sealed class MovedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
