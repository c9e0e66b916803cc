using Microsoft.Extensions.Time.Testing;

namespace Hall.TestSupport.Time;

/// <summary>
/// The tests' clock: <see cref="FakeTimeProvider"/> (Microsoft.Extensions.TimeProvider.Testing) starting on Monday
/// 2 March 2026 09:00 +08:00, plus what the hall's tests ask of it: how many timers wait, and <see cref="Jump"/>.
/// Kept under its old name for one release so tests written against it still compile; new tests may use
/// <see cref="FakeTimeProvider"/> itself (<c>Advance</c>, <c>SetUtcNow</c>, <c>AdjustTime</c> are its own).
/// </summary>
public sealed class ManualTimeProvider : FakeTimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _scheduled = [];

    public ManualTimeProvider(DateTimeOffset? start = null)
        : base(start ?? DefaultStart)
    {
    }

    /// <summary>Timers that will fire on some future <see cref="FakeTimeProvider.Advance"/>.</summary>
    public int ScheduledTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count;
            }
        }
    }

    /// <summary>
    /// Moves the clock forward without firing the timers in between (<see cref="FakeTimeProvider.AdjustTime"/>): each
    /// keeps the time it had left, so a periodic check runs once on the next <c>Advance</c> by its period, not once for
    /// every period of the jump. For "a month later" in tests whose timers need not run every minute of that month.
    /// </summary>
    public void Jump(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        AdjustTime(GetUtcNow() + by);
    }

    /// <summary>Like <see cref="Jump"/>, to a point in time (never backwards).</summary>
    public void JumpTo(DateTimeOffset value) => Jump(value - GetUtcNow());

    /// <summary>Waits (bounded) until at least <paramref name="count"/> timers are scheduled, e.g. a reply time-out.</summary>
    public async Task WaitForScheduledTimersAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TestTimeouts.Local);
        while (ScheduledTimerCount < count)
        {
            await Task.Delay(1, cts.Token);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, callback, state);
        timer.Track(dueTime, period);
        timer.Inner = base.CreateTimer(static t => ((TrackedTimer)t!).Fire(), timer, dueTime, period);
        return timer;
    }

    private void SetScheduled(TrackedTimer timer, bool scheduled)
    {
        lock (_gate)
        {
            _ = scheduled ? _scheduled.Add(timer) : _scheduled.Remove(timer);
        }
    }

    /// <summary>The fake provider's timer, noting whether it still waits to fire.</summary>
    private sealed class TrackedTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public void Fire()
        {
            if (!_periodic)
            {
                owner.SetScheduled(this, false);
            }
            callback(state);
        }

        public void Track(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            owner.SetScheduled(this, dueTime != Timeout.InfiniteTimeSpan && (dueTime != TimeSpan.Zero || _periodic));
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.SetScheduled(this, false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
