using System.Threading.RateLimiting;

namespace Gongjian.Functions.Abuse;

/// <summary>
/// A fixed-window limiter that reads time from the app's <see cref="TimeProvider"/>. The framework's
/// FixedWindowRateLimiter reads the Stopwatch, which a test cannot move: with this one a test fills a
/// window, moves the app's clock past it and sees the client allowed again, with no timing margin.
/// A window starts with the first request after the previous one ended; refusals are not queued.
/// </summary>
public sealed class ClockWindowLimiter(TimeProvider clock, RateLimitRule rule) : RateLimiter
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private DateTimeOffset _lastChange = clock.GetUtcNow();
    private int _used;
    private long _granted;
    private long _refused;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                if (_used == 0) return now - _lastChange;
                var end = _windowStart + rule.Window;
                return now >= end ? now - end : null; // permits in use: not idle, the partition must be kept
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            var available = clock.GetUtcNow() >= _windowStart + rule.Window ? rule.PermitLimit : rule.PermitLimit - _used;
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = available, CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted, TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, rule.PermitLimit);
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            // A clock set back (a test, a corrected host clock) starts a new window rather than locking the client out.
            if (now >= _windowStart + rule.Window || now < _windowStart)
            {
                _windowStart = now;
                _used = 0;
            }
            if (_used + permitCount <= rule.PermitLimit)
            {
                _used += permitCount;
                _lastChange = now;
                if (permitCount > 0) _granted++;
                return WindowLease.Granted;
            }
            _refused++;
            return new WindowLease(false, _windowStart + rule.Window - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
