using System.Text;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.ScaleOut;

/// <summary>
/// Publishes this instance's committed hall events to the other instances with <c>pg_notify</c>. An own-events sink,
/// so what other instances relay is never sent back.
/// </summary>
public sealed partial class PostgresNotifySink(
    QueueDatabase database,
    HallCatalogHolder hall,
    InstanceIdentity instance,
    ILogger<PostgresNotifySink> logger) : IOwnHallEventSink
{
    public async ValueTask PublishAsync(HallEvent hallEvent, CancellationToken cancellationToken)
    {
        if (!database.Dialect.SharedByInstances || HallNotification.From(hallEvent, instance.Id, hall.Current.HallId) is not { } notification)
        {
            return;
        }
        var payload = notification.ToJson();
        if (Encoding.UTF8.GetByteCount(payload) > HallNotification.MaxPayloadBytes)
        {
            // Never expected for these small records; the other instances' clients catch up from the next snapshot.
            LogTooLarge(hallEvent.GetType().Name, Encoding.UTF8.GetByteCount(payload));
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_notify(@channel, @payload)", new { channel = HallNotification.Channel, payload });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hall event {Event} is too large to notify other instances ({Bytes} bytes)")]
    private partial void LogTooLarge(string @event, int bytes);
}
