namespace Hall.QueueService.Storage;

/// <summary>The waits of every outbox (text messages, the 好差评 upload, the city uplink): doubling from the first, capped.</summary>
public static class RetryBackoff
{
    /// <summary>The wait after the try numbered <paramref name="failuresBefore"/> + 1 failed.</summary>
    public static TimeSpan After(int failuresBefore, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Min(failuresBefore, 30));
        var delay = TimeSpan.FromMilliseconds(Math.Min(first.TotalMilliseconds * factor, max.TotalMilliseconds));
        return delay < first ? first : delay;
    }
}
