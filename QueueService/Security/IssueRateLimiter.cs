using System.Collections.Concurrent;
using Hall.QueueService.HallSetup;

namespace Hall.QueueService.Security;

/// <summary>
/// Tickets per minute per kiosk: a token bucket per device (a burst as large as the minute's allowance, refilled
/// continuously), so a stuck key or a script on a stolen kiosk key cannot empty a service's daily quota. Kept in this
/// instance's memory: behind a load balancer a kiosk sticks to one instance for minutes at a time, and the limit is a
/// brake, not an account. Requests without a device key (allowed only when device keys are optional) are not limited.
/// </summary>
public sealed class IssueRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes one ticket's allowance; when none is left, the time until there is one.</summary>
    public bool TryTake(DeviceDefinition device, int hallDefault, out TimeSpan retryAfter)
    {
        var perMinute = device.IssuesPerMinute ?? hallDefault;
        var bucket = _buckets.GetOrAdd(device.Id, _ => new Bucket(perMinute, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var refill = time.GetElapsedTime(bucket.UpdatedAt, now).TotalMinutes * perMinute;
            bucket.Tokens = Math.Min(perMinute, bucket.Tokens + refill);
            bucket.UpdatedAt = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromMinutes((1 - bucket.Tokens) / perMinute);
            return false;
        }
    }

    private sealed class Bucket(double tokens, long updatedAt)
    {
        public double Tokens { get; set; } = tokens;
        public long UpdatedAt { get; set; } = updatedAt;
    }
}
