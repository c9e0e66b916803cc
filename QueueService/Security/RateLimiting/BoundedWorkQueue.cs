using System.Threading.Channels;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// A bounded channel for one in-process work queue: what it drops when full is counted as <c>queue:NAME</c> in
/// <see cref="LimitCounters"/> (and logged on the first drop and every thousandth), and its depth is reported. With
/// <see cref="BoundedChannelFullMode.Wait"/> nothing is dropped by the channel: <c>TryWrite</c> answers false and the
/// writer calls <see cref="Refused"/>.
/// </summary>
public static partial class BoundedWorkQueue
{
    public static Channel<T> Create<T>(string name, int capacity, BoundedChannelFullMode whenFull, LimitCounters counters, ILogger logger, Action? onDropped = null)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = whenFull, SingleReader = true }, _ =>
        {
            Refused(name, capacity, counters, logger);
            onDropped?.Invoke();
        });
        counters.TrackQueue(name, capacity, () => channel.Reader.Count);
        return channel;
    }

    public static void Refused(string name, int capacity, LimitCounters counters, ILogger logger)
    {
        if (counters.Hit(LimitCounters.QueueLimit(name)))
        {
            LogDropped(logger, name, capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work queue {Queue} is full ({Capacity}); an item was dropped (logged on the first drop and every thousandth)")]
    private static partial void LogDropped(ILogger logger, string queue, int capacity);
}
