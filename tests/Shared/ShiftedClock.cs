namespace Gongjian.Testing;

/// <summary>
/// The real time plus an offset the test moves forward: everything runs on time as usual, and a test that needs an hour to pass
/// (an activity's end) jumps instead of waiting, so nothing depends on how fast the machine is.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
