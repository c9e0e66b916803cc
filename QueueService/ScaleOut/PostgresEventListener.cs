using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using System.Threading.Channels;
using Hall.QueueService.Security.RateLimiting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hall.QueueService.ScaleOut;

/// <summary>
/// Listens on a dedicated PostgreSQL connection for the hall events of the OTHER instances and relays them to this
/// instance's <see cref="IHallEventSink"/>s: its hub clients, its hall bus if it has one (a finish at a console
/// connected to another instance still invites the window's evaluator), and any sink added later. Never to the
/// <see cref="IOwnHallEventSink"/>s: not back to PostgreSQL, or they would echo forever, nor to the metrics, or they
/// would count twice. A lost connection is opened
/// again; events sent while it was down are lost, so after a reconnect every window and the queue counts are sent
/// again to the local clients, which is what they would get from a fresh snapshot. A hall change made by another
/// instance (or missed while disconnected) makes this instance reload the hall from the database first. Notifications
/// wait in a bounded queue (<c>WorkQueues:ListenerEvents</c>) handled in order by one loop; when it overflows the oldest
/// are dropped, counted, and the local clients get the full resend once the loop has caught up.
/// </summary>
public sealed partial class PostgresEventListener(
    IConfiguration configuration,
    QueueDatabase database,
    HallCatalogHolder hall,
    InstanceIdentity instance,
    HallEventPublisher localSinks,
    HallEditor hallEditor,
    TimeProvider time,
    IOptions<WorkQueueOptions> queues,
    LimitCounters counters,
    ILogger<PostgresEventListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private int _resyncNeeded;
    private Channel<HallEvent>? _events;
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.Dialect.SharedByInstances)
        {
            return;
        }
        _events = BoundedWorkQueue.Create<HallEvent>("listenerEvents", queues.Value.ListenerEvents, BoundedChannelFullMode.DropOldest, counters, logger,
            () => Volatile.Write(ref _resyncNeeded, 1));
        var forwarding = ForwardQueuedAsync(_events.Reader, stoppingToken);
        try
        {
            await ListenAsync(stoppingToken);
        }
        finally
        {
            _events.Writer.TryComplete();
            await forwarding;
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Queue"))
        {
            // A dedicated connection that is really closed when lost, and pings the server so a dead link is noticed.
            Pooling = false,
            KeepAlive = 15,
        }.ToString();
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload, stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {HallNotification.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                LogListening(reconnecting);
                _listening.TrySetResult();
                if (reconnecting)
                {
                    await ResyncLocalClientsAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLost(e);
                reconnecting = true;
                // Real time on purpose: a retry pause is about the network, not about the hall's clock.
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private void OnNotification(string payload, CancellationToken cancellationToken)
    {
        HallNotification? notification;
        try
        {
            notification = HallNotification.FromJson(payload);
        }
        catch (System.Text.Json.JsonException e)
        {
            LogBadPayload(e);
            return;
        }
        if (notification is null || notification.Instance == instance.Id || notification.HallId != hall.Current.HallId
            || notification.ToEvent() is not { } hallEvent)
        {
            return;
        }
        // Notifications arrive on the connection's reading loop: hand them on without holding it up.
        _events?.Writer.TryWrite(hallEvent);
    }

    private async Task ForwardQueuedAsync(ChannelReader<HallEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var hallEvent in events.ReadAllAsync(cancellationToken))
            {
                await ForwardAsync(hallEvent, cancellationToken);
                if (events.Count == 0 && Interlocked.Exchange(ref _resyncNeeded, 0) == 1)
                {
                    // Events were dropped: what the clients hold may be stale, so they get the whole picture again.
                    await ResyncLocalClientsAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ForwardAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        try
        {
            if (hallEvent is HallChangedEvent)
            {
                // The local sinks read the new hall from here on.
                await hallEditor.ReloadAsync(cancellationToken);
            }
            await localSinks.RelayAsync(hallEvent, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogForwardFailed(hallEvent.GetType().Name, e);
        }
    }

    private async Task ResyncLocalClientsAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await hallEditor.ReloadAsync(cancellationToken))
            {
                await localSinks.RelayAsync(new HallChangedEvent(time.GetUtcNow()), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogForwardFailed(nameof(HallChangedEvent), e);
        }
        foreach (var window in hall.Current.Windows)
        {
            await ForwardAsync(new WindowChangedEvent(window.Number), cancellationToken);
        }
        await ForwardAsync(new QueueChangedEvent(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for other instances' hall events (after a reconnect: {Reconnected})")]
    private partial void LogListening(bool reconnected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hall event connection to PostgreSQL was lost; reconnecting")]
    private partial void LogLost(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A hall event notification could not be read")]
    private partial void LogBadPayload(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not pass hall event {Event} from another instance to local clients")]
    private partial void LogForwardFailed(string @event, Exception exception);
}
