using System.Threading.RateLimiting;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>A permit, or a refusal that says when to come back (<see cref="MetadataName.RetryAfter"/>).</summary>
public sealed class HallLease : RateLimitLease
{
    public static readonly HallLease Granted = new(true, null);

    private readonly TimeSpan? _retryAfter;

    private HallLease(bool isAcquired, TimeSpan? retryAfter)
    {
        IsAcquired = isAcquired;
        _retryAfter = retryAfter;
    }

    public static HallLease Refused(TimeSpan retryAfter) => new(false, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? _retryAfter : null;
        return metadata is not null;
    }
}
