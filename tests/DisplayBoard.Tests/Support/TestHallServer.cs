using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Hall.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hall.DisplayBoard.Tests.Support;

/// <summary>
/// A small hall server for client tests: a typed <c>Hub&lt;IHallClient&gt;</c> at <c>/hubs/hall</c> on real Kestrel,
/// whose snapshot the test sets and whose messages the test sends. Stop and start it again on the same port to
/// play a server restart.
/// </summary>
public sealed class TestHallServer : IAsyncDisposable
{
    private WebApplication? _app;

    public TestHallServer(int port, HallSnapshot snapshot)
    {
        Port = port;
        Snapshot = snapshot;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public HallSnapshot Snapshot { get; set; }

    /// <summary>How many times a client asked for the snapshot since this server object was made.</summary>
    public int SnapshotRequests => _snapshotRequests;

    private int _snapshotRequests;

    /// <summary>The device keys hub connections presented (<c>X-Device-Key</c>), in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PresentedDeviceKeys { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(Url.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton(this);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            // One entry per hub connection: the SignalR client sends the header with its negotiate request as well.
            if (context.Request.Headers[DeviceHeaders.Key].ToString() is { Length: > 0 } key
                && !context.Request.Path.Value!.EndsWith("/negotiate", StringComparison.Ordinal))
            {
                PresentedDeviceKeys.Enqueue(key);
            }
            return next(context);
        });
        app.MapHub<TestHallHub>(HallHub.Path);
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Stops Kestrel; connected clients see their connection close.</summary>
    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TestTimeouts.Local);
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _app = null;
    }

    private IHubContext<TestHallHub, IHallClient> Hub =>
        (_app ?? throw new InvalidOperationException("The test hall server is not running.")).Services.GetRequiredService<IHubContext<TestHallHub, IHallClient>>();

    /// <summary>Calls a ticket the way the real server does: the window changes, then <c>TicketCalled</c> goes out.</summary>
    public async Task CallAsync(string number, int windowNumber, string serviceName = "综合受理")
    {
        var now = DateTimeOffset.Now;
        var ticketId = Guid.NewGuid();
        var window = Snapshot.Windows.Single(w => w.Number == windowNumber) with
        {
            State = WindowState.Calling,
            CurrentTicket = new TicketSummary(ticketId, number, 1, serviceName, TicketStatus.Called, now.AddMinutes(-5), now, null),
        };
        var call = new TicketCalled(ticketId, number, windowNumber, window.Name, serviceName, now, false,
            $"请{number}号到{windowNumber}号窗口办理", $"Ticket {number}, please go to window {windowNumber}");
        Snapshot = Snapshot with
        {
            Windows = [.. Snapshot.Windows.Select(w => w.Number == windowNumber ? window : w)],
            RecentCalls = [call, .. Snapshot.RecentCalls],
        };
        await Hub.Clients.All.WindowChanged(new WindowChanged(window));
        await Hub.Clients.All.TicketCalled(call);
    }

    public Task SendWindowAsync(WindowInfo window)
    {
        Snapshot = Snapshot with { Windows = [.. Snapshot.Windows.Select(w => w.Number == window.Number ? window : w)] };
        return Hub.Clients.All.WindowChanged(new WindowChanged(window));
    }

    public Task SendQueueCountsAsync(IReadOnlyList<ServiceQueueCount> queues)
    {
        Snapshot = Snapshot with { Queues = queues };
        return Hub.Clients.All.QueueCountsChanged(new QueueCounts(queues, DateTimeOffset.Now));
    }

    /// <summary>An administrator's change: the snapshot becomes <paramref name="changed"/>, then <c>HallChanged</c> goes out.</summary>
    public Task SendHallChangedAsync(HallSnapshot changed)
    {
        Snapshot = changed;
        return Hub.Clients.All.HallChanged(new HallChanged(DateTimeOffset.Now));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class TestHallHub(TestHallServer server) : Hub<IHallClient>
    {
        public HallSnapshot GetSnapshot()
        {
            Interlocked.Increment(ref server._snapshotRequests);
            return server.Snapshot with { At = DateTimeOffset.Now };
        }
    }
}
