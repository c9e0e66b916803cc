using Hall.Contracts.Api;
using Hall.Contracts.Hub;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>
/// The hall as this display computer last heard it: the snapshot of the latest (re)connect with every later message
/// applied. Kept while disconnected, so outputs keep showing the last known state.
/// </summary>
public sealed class HallState(TimeProvider timeProvider)
{
    /// <summary>How many recent calls are kept; boards show fewer.</summary>
    public const int RecentCallCapacity = 30;

    private readonly Lock _lock = new();
    private HallSnapshot? _snapshot;
    private readonly SortedDictionary<int, WindowInfo> _windows = [];
    private readonly List<TicketCalled> _recentCalls = [];
    private IReadOnlyList<ServiceQueueCount> _queues = [];
    private IReadOnlyList<NoticeView> _notices = [];
    private bool _connected;
    private DateTimeOffset _connectionChangedAt = timeProvider.GetUtcNow();

    public bool IsConnected
    {
        get { lock (_lock) { return _connected; } }
    }

    /// <summary>When the connection last came up or went down (start-up counts as going down).</summary>
    public DateTimeOffset ConnectionChangedAt
    {
        get { lock (_lock) { return _connectionChangedAt; } }
    }

    /// <summary>False until the first snapshot arrived.</summary>
    public bool HasSnapshot
    {
        get { lock (_lock) { return _snapshot is not null; } }
    }

    /// <summary>The current hall as one snapshot (newest call first), or null before the first connect.</summary>
    public HallSnapshot? Current
    {
        get
        {
            lock (_lock)
            {
                return _snapshot is null ? null : _snapshot with
                {
                    At = timeProvider.GetUtcNow(),
                    Windows = [.. _windows.Values],
                    RecentCalls = [.. _recentCalls],
                    Queues = _queues,
                    Notices = _notices,
                };
            }
        }
    }

    public WindowInfo? FindWindow(int number)
    {
        lock (_lock)
        {
            return _windows.GetValueOrDefault(number);
        }
    }

    public void ApplySnapshot(HallSnapshot snapshot)
    {
        lock (_lock)
        {
            _snapshot = snapshot;
            _windows.Clear();
            foreach (var window in snapshot.Windows)
            {
                _windows[window.Number] = window;
            }
            _recentCalls.Clear();
            _recentCalls.AddRange(snapshot.RecentCalls.OrderByDescending(c => c.CalledAt).Take(RecentCallCapacity));
            _queues = snapshot.Queues;
            _notices = snapshot.Notices ?? [];
        }
    }

    /// <summary>The notices in force, as the hall server last sent them (it tells when one comes into force or expires).</summary>
    public void ApplyNotices(NoticesChanged changed)
    {
        lock (_lock)
        {
            _notices = changed.Notices;
        }
    }

    public void ApplyCall(TicketCalled call)
    {
        lock (_lock)
        {
            // A recall moves the ticket to the top again rather than listing it twice.
            _recentCalls.RemoveAll(c => c.TicketId == call.TicketId);
            _recentCalls.Insert(0, call);
            if (_recentCalls.Count > RecentCallCapacity)
            {
                _recentCalls.RemoveRange(RecentCallCapacity, _recentCalls.Count - RecentCallCapacity);
            }
        }
    }

    public void ApplyWindow(WindowInfo window)
    {
        lock (_lock)
        {
            _windows[window.Number] = window;
        }
    }

    public void ApplyQueueCounts(QueueCounts counts)
    {
        lock (_lock)
        {
            _queues = counts.Services;
        }
    }

    /// <returns>True when the state changed.</returns>
    public bool SetConnected(bool connected)
    {
        lock (_lock)
        {
            if (_connected == connected)
            {
                return false;
            }
            _connected = connected;
            _connectionChangedAt = timeProvider.GetUtcNow();
            return true;
        }
    }
}
