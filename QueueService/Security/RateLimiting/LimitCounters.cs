using System.Collections.Concurrent;

namespace Hall.QueueService.Security.RateLimiting;

/// <summary>
/// How often each limit (rate limits, queue bounds, body size) was hit on this instance since start, and the bounded
/// work queues' depth, for the log, for <c>/metrics</c> (<c>hall_limits_refused_total</c>, <c>hall_work_queue_depth</c>)
/// and for the supervision dashboard (<c>GET /api/supervision/limits</c>). <see cref="Hit"/> says when a hit is worth a
/// log line (the first, then every thousandth), so a flood does not become a flood of log lines.
/// </summary>
public sealed class LimitCounters
{
    private readonly ConcurrentDictionary<string, long> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Capacity, Func<int> Depth)> _queues = new(StringComparer.Ordinal);

    public bool Hit(string limit)
    {
        var count = _hits.AddOrUpdate(limit, 1, (_, n) => n + 1);
        return count == 1 || count % 1000 == 0;
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_hits, StringComparer.Ordinal);

    /// <summary>A bounded in-process queue; what it drops or refuses is counted as <c>queue:NAME</c>.</summary>
    public void TrackQueue(string name, int capacity, Func<int> depth) => _queues[name] = (capacity, depth);

    public IReadOnlyList<WorkQueueView> Queues() =>
        _queues.OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => new WorkQueueView(q.Key, q.Value.Capacity, q.Value.Depth(), _hits.GetValueOrDefault(QueueLimit(q.Key))))
            .ToList();

    public static string QueueLimit(string queue) => "queue:" + queue;
}

/// <summary>A bounded queue now: how much it may hold, holds, and has dropped or refused since start.</summary>
public sealed record WorkQueueView(string Name, int Capacity, int Depth, long Dropped);

/// <summary>What <c>GET /api/supervision/limits</c> answers.</summary>
public sealed record LimitsView(IReadOnlyDictionary<string, long> Refused, IReadOnlyList<WorkQueueView> Queues);
