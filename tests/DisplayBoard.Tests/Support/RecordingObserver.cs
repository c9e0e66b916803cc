using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.DisplayBoard.HallConnection;

namespace Hall.DisplayBoard.Tests.Support;

/// <summary>Records what <see cref="HallConnectionService"/> passes on, and lets a test await a message.</summary>
public sealed class RecordingObserver : IHallObserver
{
    private readonly List<object> _events = [];
    private readonly List<(Func<object, bool> Match, TaskCompletionSource<object> Done)> _waiters = [];

    public IReadOnlyList<object> Events
    {
        get { lock (_events) { return [.. _events]; } }
    }

    public ValueTask OnSnapshotAsync(HallSnapshot snapshot, CancellationToken cancellationToken) => Record(snapshot);
    public ValueTask OnTicketCalledAsync(TicketCalled call, CancellationToken cancellationToken) => Record(call);
    public ValueTask OnWindowChangedAsync(WindowInfo window, CancellationToken cancellationToken) => Record(window);
    public ValueTask OnQueueCountsChangedAsync(QueueCounts counts, CancellationToken cancellationToken) => Record(counts);
    public ValueTask OnConnectionChangedAsync(bool connected, CancellationToken cancellationToken) => Record(new ConnectionEvent(connected));

    /// <summary>The first recorded message (from <paramref name="after"/> on) that matches, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout, int after = 0)
    {
        TaskCompletionSource<object> done;
        lock (_events)
        {
            var found = _events.Skip(after).OfType<T>().FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            done = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((e => e is T t && match(t), done));
        }
        try
        {
            return (T)await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {typeof(T).Name} matched within {timeout}. Seen: {string.Join(", ", Events.Select(e => e.GetType().Name))}");
        }
    }

    public int Count
    {
        get { lock (_events) { return _events.Count; } }
    }

    private ValueTask Record(object message)
    {
        lock (_events)
        {
            _events.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Match(message)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(message);
            }
        }
        return ValueTask.CompletedTask;
    }
}

public sealed record ConnectionEvent(bool Connected);
