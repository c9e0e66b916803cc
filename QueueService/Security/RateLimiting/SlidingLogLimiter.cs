using System.Threading.RateLimiting;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// At most N permits in any span of the period (a log of the permits' times, read from <see cref="TimeProvider"/>):
/// "10 remote tickets an hour" then means 10 in any hour, not 10 at the end of one window and 10 more at the start of
/// the next.
/// </summary>
public sealed class SlidingLogLimiter(int permitLimit, TimeSpan period, TimeProvider time) : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _granted = new();
    private DateTimeOffset _lastChange = time.GetUtcNow();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                Expire(time.GetUtcNow());
                return _granted.Count == 0 ? time.GetUtcNow() - _lastChange : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Expire(now);
            if (_granted.Count + permitCount <= permitLimit)
            {
                for (var i = 0; i < permitCount; i++)
                {
                    _granted.Enqueue(now);
                }
                _lastChange = now;
                return HallLease.Granted;
            }
            // The oldest permit in the span leaves first; that is when one more fits.
            var retryAfter = _granted.Count > 0 ? _granted.Peek() + period - now : period;
            return HallLease.Refused(retryAfter);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Expire(DateTimeOffset now)
    {
        while (_granted.Count > 0 && _granted.Peek() + period <= now)
        {
            _granted.Dequeue();
            _lastChange = now;
        }
    }
}
