using Hall.Contracts.Api;
using Hall.Contracts.Hub;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>
/// Keeps this display computer connected to the hall hub, forever: a new <see cref="HubConnection"/> for every attempt,
/// waits growing from one second to <see cref="HallServerOptions.ReconnectMaxDelaySeconds"/>, and the hub snapshot loaded
/// after every (re)connect. Every message goes to <see cref="HallState"/> first and then to each <see cref="IHallObserver"/>.
/// </summary>
public sealed partial class HallConnectionService(
    HallState state,
    IEnumerable<IHallObserver> observers,
    IOptions<HallServerOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    ILogger<HallConnectionService> logger) : BackgroundService
{
    private readonly IHallObserver[] _observers = [.. observers];
    // Hub handlers and the snapshot load may run at once; outputs see one message at a time.
    private readonly SemaphoreSlim _dispatch = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var serverUri = options.Value.ServerUri;
        var maxDelay = TimeSpan.FromSeconds(options.Value.ReconnectMaxDelaySeconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // A connection once made reconnects by itself (WithAutomaticReconnect, waits as below, forever); this loop
            // covers the first connection, which the client does not retry.
            var connection = HallHubConnection.Create(serverUri, loggerFactory, deviceKey: options.Value.DeviceKey, boardView: true,
                transports: options.Value.Transports, reconnect: new ForeverRetryPolicy(maxDelay));
            var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.Closed += error =>
            {
                closed.TrySetResult(error);
                return Task.CompletedTask;
            };
            connection.Reconnecting += async error =>
            {
                LogLost(serverUri, error?.Message ?? "closed");
                await SetConnectedAsync(false, stoppingToken);
            };
            connection.Reconnected += newConnectionId =>
            {
                // Off the client's reconnect path, like a hall change: the invocation needs the receive loop running.
                _ = ReloadSnapshotAsync(connection, stoppingToken, thenConnected: true);
                return Task.CompletedTask;
            };
            Subscribe(connection, stoppingToken);
            try
            {
                await connection.StartAsync(stoppingToken);
                // Never hold the dispatch gate here: hub handlers run on the receive loop that completes this call.
                var snapshot = await connection.InvokeAsync<HallSnapshot>(HallHub.GetSnapshot, stoppingToken);
                await DispatchAsync(o => o.OnSnapshotAsync(snapshot, stoppingToken), () => state.ApplySnapshot(snapshot));
                await SetConnectedAsync(true, stoppingToken);
                LogConnected(serverUri, snapshot.HallName, snapshot.Windows.Count);
                failures = 0;
                var error = await closed.Task.WaitAsync(stoppingToken);
                LogLost(serverUri, error?.Message ?? "closed");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                LogAttemptFailed(serverUri, failures, ex.Message);
            }
            finally
            {
                await connection.DisposeAsync();
            }

            await SetConnectedAsync(false, stoppingToken);
            var delay = ReconnectDelay(failures, maxDelay);
            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>1 s after a lost connection, then 1, 2, 4, … seconds for failed attempts, never more than <paramref name="max"/>.</summary>
    public static TimeSpan ReconnectDelay(int failures, TimeSpan max)
    {
        var seconds = Math.Pow(2, Math.Clamp(failures - 1, 0, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
    }

    /// <summary>The client's automatic reconnect with the same waits, and never giving up: a board has nothing else to do.</summary>
    private sealed class ForeverRetryPolicy(TimeSpan max) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => ReconnectDelay((int)Math.Min(retryContext.PreviousRetryCount, 64), max);
    }

    private void Subscribe(HubConnection connection, CancellationToken stoppingToken)
    {
        connection.On<TicketCalled>(nameof(IHallClient.TicketCalled),
            call => DispatchAsync(o => o.OnTicketCalledAsync(call, stoppingToken), () => state.ApplyCall(call)));
        connection.On<WindowChanged>(nameof(IHallClient.WindowChanged),
            changed => DispatchAsync(o => o.OnWindowChangedAsync(changed.Window, stoppingToken), () => state.ApplyWindow(changed.Window)));
        connection.On<QueueCounts>(nameof(IHallClient.QueueCountsChanged),
            counts => DispatchAsync(o => o.OnQueueCountsChangedAsync(counts, stoppingToken), () => state.ApplyQueueCounts(counts)));
        connection.On<NoticesChanged>(nameof(IHallClient.NoticesChanged),
            changed => DispatchAsync(o => o.OnNoticesChangedAsync(changed, stoppingToken), () => state.ApplyNotices(changed)));
        // Issued and changed tickets reach the displays as QueueCountsChanged and WindowChanged (a board connects with
        // view=board, so the server does not send them); listed in case an older server does.
        connection.On<TicketIssued>(nameof(IHallClient.TicketIssued), _ => Task.CompletedTask);
        connection.On<TicketChanged>(nameof(IHallClient.TicketChanged), _ => Task.CompletedTask);
        // An administrator changed the hall (names, windows): load the whole snapshot again, off the receive loop
        // (awaiting an invocation inside a handler would wait on the loop that has to deliver its answer).
        connection.On<HallChanged>(nameof(IHallClient.HallChanged), changed =>
        {
            _ = ReloadSnapshotAsync(connection, stoppingToken);
            return Task.CompletedTask;
        });
    }

    private async Task ReloadSnapshotAsync(HubConnection connection, CancellationToken stoppingToken, bool thenConnected = false)
    {
        try
        {
            var snapshot = await connection.InvokeAsync<HallSnapshot>(HallHub.GetSnapshot, stoppingToken);
            await DispatchAsync(o => o.OnSnapshotAsync(snapshot, stoppingToken), () => state.ApplySnapshot(snapshot));
            if (thenConnected)
            {
                await SetConnectedAsync(true, stoppingToken);
                LogReconnected(snapshot.HallName, connection.ConnectionId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A lost connection reloads the snapshot when it comes back anyway.
            LogReloadFailed(ex.Message);
        }
    }

    private async Task SetConnectedAsync(bool connected, CancellationToken cancellationToken)
    {
        await _dispatch.WaitAsync(CancellationToken.None);
        try
        {
            if (!state.SetConnected(connected))
            {
                return;
            }
            foreach (var observer in _observers)
            {
                await Observe(observer, o => o.OnConnectionChangedAsync(connected, cancellationToken));
            }
        }
        finally
        {
            _dispatch.Release();
        }
    }

    private async Task DispatchAsync(Func<IHallObserver, ValueTask> notify, Action apply)
    {
        await _dispatch.WaitAsync(CancellationToken.None);
        try
        {
            apply();
            foreach (var observer in _observers)
            {
                await Observe(observer, notify);
            }
        }
        finally
        {
            _dispatch.Release();
        }
    }

    private async Task Observe(IHallObserver observer, Func<IHallObserver, ValueTask> notify)
    {
        try
        {
            await notify(observer);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // One broken output must not stop the others nor the connection.
            LogObserverFailed(observer.GetType().Name, ex);
        }
    }

    public override void Dispose()
    {
        _dispatch.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the hall hub at {Server}: {Hall}, {Windows} windows")]
    private partial void LogConnected(Uri server, string hall, int windows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnected to the hall hub: {Hall} (connection {ConnectionId})")]
    private partial void LogReconnected(string hall, string? connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the hall hub at {Server} ({Reason}); reconnecting")]
    private partial void LogLost(Uri server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to the hall hub at {Server} (attempt {Attempt}): {Reason}")]
    private partial void LogAttemptFailed(Uri server, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload the hall snapshot after a hall change: {Reason}")]
    private partial void LogReloadFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The display output {Observer} failed on a hall message")]
    private partial void LogObserverFailed(string observer, Exception exception);
}
