using System.Threading.RateLimiting;
using Hall.QueueService.Queue;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// Green-channel PIN tries per client address (<c>RateLimits:GreenChannelTriesPerHour</c>), so one kiosk, or a script
/// holding its key, cannot walk through the clerks' staff codes: each clerk's lock-out allows 5 wrong PINs, but the
/// address gets this many tries in any hour across all of them. Counted before the PIN is checked, right or wrong, by
/// the framework's partitioned limiter (the issuing endpoint's own policy is the kiosk's issuing allowance, and the
/// priority is known only from the body, so this check runs in the endpoint).
/// </summary>
public sealed partial class PinTriesPerAddress(IOptions<RateLimitOptions> options, TimeProvider time, LimitCounters counters, ILogger<PinTriesPerAddress> logger)
    : IDisposable
{
    public const string Limit = "greenChannelTries";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.Get(address, _ => new SlidingLogLimiter(options.Value.GreenChannelTriesPerHour, TimeSpan.FromHours(1), time)));

    /// <summary>Takes one try for the address, or refuses with 429 <c>tooManyPinTries</c> saying when to come back.</summary>
    public void Take(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        if (lease.IsAcquired)
        {
            return;
        }
        if (counters.Hit(Limit))
        {
            LogRefused(address);
        }
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        throw QueueProblems.TooManyPinTries(seconds);
    }

    public void Dispose() => _limiter.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Green-channel PIN tries refused for {Address} (logged on the first refusal and every thousandth)")]
    private partial void LogRefused(string address);
}
