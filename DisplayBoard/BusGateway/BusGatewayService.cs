using System.Net.WebSockets;
using Hall.Contracts.Api;
using Hall.DisplayBoard.HallConnection;
using Hall.Hardware.Serial;
using Microsoft.Extensions.Options;

namespace Hall.DisplayBoard.BusGateway;

/// <summary>
/// The bus gateway: carries the bytes of the callers' and evaluators' serial bus to the hall server's
/// <c>/bus/gateway</c> WebSocket and back, unchanged (the server speaks the hall bus protocol; this is a tunnel). On any
/// failure (port, network, a refusal, the server closing) both ends are closed and opened again after a wait growing
/// from one second to <c>Board:ReconnectMaxDelaySeconds</c>.
/// </summary>
public sealed partial class BusGatewayService(
    IOptions<BusGatewayOptions> options,
    IOptions<HallServerOptions> server,
    TimeProvider timeProvider,
    ILogger<BusGatewayService> logger) : BackgroundService
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The gateway endpoint at the server's address: <c>http</c> becomes <c>ws</c>, <c>https</c> <c>wss</c>.</summary>
    public static Uri GatewayUri(Uri serverUrl)
    {
        var builder = new UriBuilder(serverUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + BusGatewayEndpoint.Path);
        builder.Scheme = builder.Scheme switch { "https" or "wss" => "wss", _ => "ws" };
        return builder.Uri;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gateway = options.Value;
        var uri = GatewayUri(server.Value.ServerUri);
        var maxDelay = TimeSpan.FromSeconds(server.Value.ReconnectMaxDelaySeconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var connected = false;
            try
            {
                var ending = await RunSessionAsync(gateway, uri, () => connected = true, stoppingToken);
                LogSessionEnded(logger, gateway.PortName!, ending);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogSessionFailed(logger, gateway.PortName!, uri, Describe(e));
            }
            // A session that got through starts the waits again at one second.
            failures = connected ? 1 : failures + 1;
            try
            {
                await Task.Delay(HallConnectionService.ReconnectDelay(failures, maxDelay), timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One session: port and socket open, bytes pumped both ways until one side ends; returns why it ended.</summary>
    private async Task<string> RunSessionAsync(BusGatewayOptions gateway, Uri uri, Action connected, CancellationToken stoppingToken)
    {
        using var port = SerialPorts.Open(gateway.PortName!, gateway.BaudRate);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(DeviceHeaders.Key, gateway.DeviceKey);
        socket.Options.KeepAliveInterval = KeepAliveInterval;
        socket.Options.KeepAliveTimeout = KeepAliveTimeout;
        socket.Options.CollectHttpResponseDetails = true;
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            connecting.CancelAfter(ConnectTimeout);
            try
            {
                await socket.ConnectAsync(uri, connecting.Token);
            }
            catch (WebSocketException e) when (socket.HttpStatusCode is not 0 and not System.Net.HttpStatusCode.SwitchingProtocols)
            {
                throw new WebSocketException($"the server refused the gateway with {(int)socket.HttpStatusCode} ({socket.HttpStatusCode}); check BusGateway:DeviceKey and the server's Bus:GatewayDeviceId", e);
            }
        }
        connected();
        LogConnected(logger, gateway.PortName!, uri);

        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var toServer = SerialToServerAsync(port.Stream, socket, session.Token);
        var toBus = ServerToSerialAsync(socket, port.Stream, session.Token);
        var first = await Task.WhenAny(toServer, toBus);
        await session.CancelAsync();
        await CloseQuietlyAsync(socket);
        try
        {
            await Task.WhenAll(toServer, toBus);
        }
        catch (Exception)
        {
            // Observed here; the direction that ended first says why (the other was stopped by this session's end).
        }
        return await first;
    }

    private static async Task<string> SerialToServerAsync(Stream serial, WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (true)
        {
            var read = await serial.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return "the serial port closed";
            }
            await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
    }

    private static async Task<string> ServerToSerialAsync(WebSocket socket, Stream serial, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return $"the server closed the connection ({socket.CloseStatus} {socket.CloseStatusDescription})";
            }
            if (result.Count > 0)
            {
                await serial.WriteAsync(buffer.AsMemory(0, result.Count), cancellationToken);
                await serial.FlushAsync(cancellationToken);
            }
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "gateway closing", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the connection is gone already
        }
    }

    private static string Describe(Exception e) => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bus gateway: serial port {PortName} connected to {Server}")]
    private static partial void LogConnected(ILogger logger, string portName, Uri server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bus gateway on {PortName} stopped: {Reason}; connecting again")]
    private static partial void LogSessionEnded(ILogger logger, string portName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bus gateway on {PortName} to {Server} failed: {Reason}; trying again")]
    private static partial void LogSessionFailed(ILogger logger, string portName, Uri server, string reason);
}
