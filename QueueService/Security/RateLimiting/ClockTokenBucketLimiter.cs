using System.Threading.RateLimiting;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// A token bucket read from <see cref="TimeProvider"/> (a burst as large as the period's allowance, refilled
/// continuously), so the hall's clock, and the tests' clock, decides when permits come back. The framework's own
/// token bucket refills on a wall-clock timer instead.
/// </summary>
public sealed class ClockTokenBucketLimiter(int permitsPerPeriod, TimeSpan period, TimeProvider time) : RateLimiter
{
    private readonly Lock _gate = new();
    private double _tokens = permitsPerPeriod;
    private long _updatedAt = time.GetTimestamp();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Refill();
                // Only a full bucket holds nothing worth keeping; the partitioned limiter may then drop it.
                return _tokens >= permitsPerPeriod ? time.GetElapsedTime(_updatedAt) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                return HallLease.Granted;
            }
            return HallLease.Refused(period * ((permitCount - _tokens) / permitsPerPeriod));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(permitsPerPeriod, _tokens + time.GetElapsedTime(_updatedAt, now) / period * permitsPerPeriod);
        _updatedAt = now;
    }
}
