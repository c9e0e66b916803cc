using System.Diagnostics;
using Hall.Contracts.Hub;
using Hall.DisplayBoard.HallConnection;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hall.Benchmarks.Load;

/// <summary>
/// Many displays, each a real <see cref="HubConnection"/> as the DisplayBoard makes it, all listening for
/// <c>TicketCalled</c>. One <see cref="Round"/> at a time collects the arrival time at every display.
/// </summary>
public sealed class DisplayFleet : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private Round? _round;

    private DisplayFleet()
    {
    }

    public int Count => _connections.Count;

    /// <summary>Every other hall message the displays received (issued, changed, window, queue counts): the rest of a call's traffic.</summary>
    public long OtherMessages => OtherMessagesByKind.Values.Sum();

    /// <summary>The other messages by hub method, to see which ones a board gets beside the call.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, long> OtherMessagesByKind { get; } = new();

    /// <summary>The first call any display received, kept so the baseline can broadcast a payload of the same size.</summary>
    public TicketCalled? FirstMessage { get; private set; }

    public static Task<DisplayFleet> ConnectAsync(Uri server, string hubPath, int displays) => ConnectAsync([server], hubPath, displays);

    /// <summary>Displays spread over several server instances in turn (a hall's boards behind a load balancer).</summary>
    public static async Task<DisplayFleet> ConnectAsync(IReadOnlyList<Uri> servers, string hubPath, int displays)
    {
        var fleet = new DisplayFleet();
        for (var i = 0; i < displays; i++)
        {
            var index = i;
            // As a board connects: only what a board shows.
            var connection = HallHubConnection.Create(servers[i % servers.Count], hubPath: hubPath, boardView: true);
            connection.ServerTimeout = TimeSpan.FromMinutes(2);
            connection.On<TicketCalled>(nameof(IHallClient.TicketCalled), message => fleet.Arrived(index, message));
            foreach (var other in new[] { nameof(IHallClient.TicketIssued), nameof(IHallClient.TicketChanged), nameof(IHallClient.WindowChanged), nameof(IHallClient.QueueCountsChanged) })
            {
                connection.On(other, [typeof(object)], _ =>
                {
                    fleet.OtherMessagesByKind.AddOrUpdate(other, 1, (_, n) => n + 1);
                    return Task.CompletedTask;
                });
            }
            fleet._connections.Add(connection);
        }
        // A few at a time, as displays coming on in a hall would; all at once only measures the accept queue.
        foreach (var batch in fleet._connections.Chunk(25))
        {
            await Task.WhenAll(batch.Select(c => c.StartAsync()));
        }
        return fleet;
    }

    public Round Begin()
    {
        var round = new Round(_connections.Count);
        Volatile.Write(ref _round, round);
        return round;
    }

    private void Arrived(int display, TicketCalled message)
    {
        var now = Stopwatch.GetTimestamp();
        if (message.IsRecall)
        {
            return;
        }
        FirstMessage ??= message;
        Volatile.Read(ref _round)?.Arrive(display, now);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _connections.Chunk(50))
        {
            await Task.WhenAll(batch.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>One call (or broadcast): when it was sent, and when each display received it.</summary>
    public sealed class Round
    {
        private readonly long[] _arrivals;
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Round(int displays)
        {
            _arrivals = new long[displays];
        }

        public long SentAt { get; private set; }

        public int Arrivals => Volatile.Read(ref _arrived);

        public Task AllArrived => _all.Task;

        public void MarkSent() => SentAt = Stopwatch.GetTimestamp();

        public void Arrive(int display, long at)
        {
            if (Interlocked.CompareExchange(ref _arrivals[display], at, 0) != 0)
            {
                return;
            }
            if (Interlocked.Increment(ref _arrived) == _arrivals.Length)
            {
                _all.TrySetResult();
            }
        }

        /// <summary>Delays (stopwatch ticks) from sending to each arrival; displays that missed the message are left out and counted apart.</summary>
        public IEnumerable<long> Delays() => _arrivals.Where(a => a != 0).Select(a => a - SentAt);
    }
}
