using System.Net.WebSockets;
using System.Threading.Channels;

namespace Hall.QueueService.HallBus;

/// <summary>
/// Hands a bus gateway's WebSocket to <see cref="HallBusService"/> as the bus stream. The newest connection wins: a
/// gateway that lost its network connects again while the server may still hold the old socket, which is then ended
/// (the hall bus host sees a lost port and takes the new one). Each server instance has its own broker; the instance
/// the gateway reaches runs the bus.
/// </summary>
public sealed partial class BusGatewayBroker(ILogger<BusGatewayBroker> logger)
{
    // One offer at most: a connection nobody has taken yet is replaced (and ended) by a newer one.
    private readonly Channel<WebSocketBusStream> _offers = Channel.CreateBounded<WebSocketBusStream>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
        dropped => dropped.Abort());

    private WebSocketBusStream? _latest;

    /// <summary>
    /// Offers an accepted gateway socket to the bus and returns when the bus is done with it: the host disposed it, a
    /// newer connection replaced it, or <paramref name="aborted"/> (the request ended or the server stops).
    /// </summary>
    public async Task ServeAsync(WebSocket socket, string deviceId, string? remoteAddress, CancellationToken aborted)
    {
        var offer = new WebSocketBusStream(socket);
        LogConnected(logger, deviceId, remoteAddress ?? "?");
        if (Interlocked.Exchange(ref _latest, offer) is { } older)
        {
            LogReplaced(logger, deviceId);
            older.Abort();
        }
        _offers.Writer.TryWrite(offer);
        try
        {
            await offer.Ended.WaitAsync(aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            offer.Abort();
        }
        finally
        {
            Interlocked.CompareExchange(ref _latest, null, offer);
            LogDisconnected(logger, deviceId);
        }
    }

    /// <summary>The next gateway connection's stream, waiting as long as it takes (the bus host's <c>openStream</c>).</summary>
    public async ValueTask<Stream> NextStreamAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var offer = await _offers.Reader.ReadAsync(cancellationToken);
            if (!offer.Ended.IsCompleted)
            {
                return offer;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus gateway {DeviceId} connected from {RemoteAddress}")]
    private static partial void LogConnected(ILogger logger, string deviceId, string remoteAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus gateway {DeviceId} connected again: the older connection is closed")]
    private static partial void LogReplaced(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus gateway {DeviceId} disconnected")]
    private static partial void LogDisconnected(ILogger logger, string deviceId);
}
