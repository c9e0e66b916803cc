using Hall.QueueService.HallBus;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Hubs;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Npgsql;

namespace Hall.QueueService.ScaleOut;

/// <summary>
/// Listens on a dedicated PostgreSQL connection for the hall events of the OTHER instances and hands them to this
/// instance's hub clients and to its hall bus, if it has one (a finish at a console connected to another instance
/// still invites the window's evaluator), but never back to PostgreSQL, or they would echo forever. A lost connection is opened
/// again; events sent while it was down are lost, so after a reconnect every window and the queue counts are sent
/// again to the local clients, which is what they would get from a fresh snapshot. A hall change made by another
/// instance (or missed while disconnected) makes this instance reload the hall from the database first.
/// </summary>
public sealed partial class PostgresEventListener(
    IConfiguration configuration,
    QueueDatabase database,
    HallCatalogHolder hall,
    InstanceIdentity instance,
    HubBroadcaster localHub,
    HallBusOutbox localBus,
    HallEditor hallEditor,
    HallChangedBroadcaster localHallChanges,
    TimeProvider time,
    ILogger<PostgresEventListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Kind != DatabaseKind.Postgres)
        {
            return;
        }
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
        _ = ForwardAsync(hallEvent, cancellationToken);
    }

    private async Task ForwardAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        try
        {
            if (hallEvent is HallChangedEvent changed)
            {
                await hallEditor.ReloadAsync(cancellationToken);
                await localHallChanges.PublishAsync(changed, cancellationToken);
                return;
            }
            await localHub.PublishAsync(hallEvent, cancellationToken);
            await localBus.PublishAsync(hallEvent, cancellationToken);
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
                await localHallChanges.PublishAsync(new HallChangedEvent(time.GetUtcNow()), cancellationToken);
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
