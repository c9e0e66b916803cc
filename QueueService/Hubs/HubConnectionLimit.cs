using Hall.QueueService.Security.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Hubs;

/// <summary>
/// At most <c>WorkQueues:HubConnections</c> hall-hub connections at once on this instance (each holds a socket,
/// buffers and a group entry). Past it a new connection is closed as soon as it opens and counted as
/// <c>queue:hubConnections</c>; the per-address negotiate limit keeps one address from filling it alone.
/// </summary>
public sealed partial class HubConnectionLimit
{
    public const string Name = "hubConnections";

    private readonly int _capacity;
    private readonly LimitCounters _counters;
    private readonly ILogger<HubConnectionLimit> _logger;
    private int _open;

    public HubConnectionLimit(IOptions<WorkQueueOptions> options, LimitCounters counters, ILogger<HubConnectionLimit> logger)
    {
        _capacity = options.Value.HubConnections;
        _counters = counters;
        _logger = logger;
        counters.TrackQueue(Name, _capacity, () => Volatile.Read(ref _open));
    }

    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= _capacity)
        {
            return true;
        }
        Interlocked.Decrement(ref _open);
        if (_counters.Hit(LimitCounters.QueueLimit(Name)))
        {
            LogFull(_capacity);
        }
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _open);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hall hub holds its limit of {Capacity} connections; a new connection was closed (logged on the first and every thousandth)")]
    private partial void LogFull(int capacity);
}
