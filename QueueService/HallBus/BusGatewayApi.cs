using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.HallBus;

/// <summary>
/// <c>/bus/gateway</c>: the WebSocket over which a bus gateway on a hall PC carries the hall bus bytes (binary messages
/// both ways). Always needs the key of the gateway named by <c>Bus:GatewayDeviceId</c>, whatever the hall's key policy:
/// whoever holds this socket drives every caller and evaluator of the hall.
/// </summary>
public static class BusGatewayApi
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapBusGatewayApi(this IEndpointRouteBuilder app)
    {
        // Map, not MapGet: a WebSocket over HTTP/2 arrives as CONNECT.
        app.Map(Contracts.Api.BusGatewayEndpoint.Path, ConnectAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<EmptyHttpResult> ConnectAsync(HttpContext http, IOptions<HallBusOptions> options, BusGatewayBroker broker,
        DeviceConnections devices, IHostApplicationLifetime lifetime)
    {
        var bus = options.Value;
        var device = DeviceAuthentication.DeviceOf(http)?.Device
            ?? throw QueueProblems.DeviceKeyRequired();
        if (device.Kind != DeviceKind.BusGateway)
        {
            throw QueueProblems.WrongDeviceKind(device.Id, device.Kind.ToString());
        }
        if (!bus.UsesGateway)
        {
            throw QueueProblems.NoGatewayBus();
        }
        if (!string.Equals(device.Id, bus.GatewayDeviceId, StringComparison.Ordinal))
        {
            throw QueueProblems.OtherGateway(bus.GatewayDeviceId, device.Id);
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            throw QueueProblems.WebSocketRequired();
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            // A gateway whose network vanished without a close is noticed, so its replacement is not kept waiting.
            KeepAliveInterval = KeepAliveInterval,
            KeepAliveTimeout = KeepAliveTimeout,
        });
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        // A revoked key closes the gateway's WebSocket at once.
        using var tracked = devices.Track(device.Id, () => { socket.Abort(); ended.Cancel(); });
        await broker.ServeAsync(socket, device.Id, http.Connection.RemoteIpAddress?.ToString(), ended.Token);
        return TypedResults.Empty;
    }
}
