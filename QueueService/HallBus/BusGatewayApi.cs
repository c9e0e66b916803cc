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
        IHostApplicationLifetime lifetime)
    {
        var bus = options.Value;
        var device = DeviceAuthentication.DeviceOf(http)?.Device
            ?? throw QueueRuleException.Unauthorized("deviceKeyRequired",
                $"总线网关须提供设备密钥（{DeviceAuthentication.KeyHeader}）。The bus gateway needs its device key.");
        if (device.Kind != DeviceKind.BusGateway)
        {
            throw QueueRuleException.Forbidden("wrongDeviceKind", $"设备 {device.Id} 不是总线网关。Device '{device.Id}' ({device.Kind}) is no bus gateway.");
        }
        if (!bus.UsesGateway)
        {
            throw QueueRuleException.NotFound("noGatewayBus", "本服务器的总线不经网关（未设置 Bus:GatewayDeviceId）。This server's hall bus is not carried by a gateway.");
        }
        if (!string.Equals(device.Id, bus.GatewayDeviceId, StringComparison.Ordinal))
        {
            throw QueueRuleException.Forbidden("otherGateway", $"本大厅总线由网关 {bus.GatewayDeviceId} 连接，不是 {device.Id}。This hall bus belongs to gateway '{bus.GatewayDeviceId}'.");
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            throw QueueRuleException.BadRequest("webSocketRequired", "请以 WebSocket 连接此地址。Connect with a WebSocket.");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            // A gateway whose network vanished without a close is noticed, so its replacement is not kept waiting.
            KeepAliveInterval = KeepAliveInterval,
            KeepAliveTimeout = KeepAliveTimeout,
        });
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        await broker.ServeAsync(socket, device.Id, http.Connection.RemoteIpAddress?.ToString(), ended.Token);
        return TypedResults.Empty;
    }
}
