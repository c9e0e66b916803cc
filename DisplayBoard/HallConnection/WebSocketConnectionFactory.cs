using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>
/// The transport for <c>HubConnection</c>: a plain <see cref="System.Net.WebSockets.ClientWebSocket"/> straight to the
/// hub path (the full SignalR client package with its HTTP transports is not available here), with any headers the
/// connection must carry (the device key).
/// </summary>
public sealed class WebSocketConnectionFactory(WebSocketHeaders? headers = null) : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        if (endpoint is not UriEndPoint uriEndPoint)
        {
            throw new NotSupportedException($"{endpoint} is not a hub address; register a UriEndPoint.");
        }
        return await WebSocketConnectionContext.ConnectAsync(uriEndPoint.Uri, headers?.Values ?? new Dictionary<string, string>(), cancellationToken);
    }
}

/// <summary>Headers sent with the WebSocket upgrade request.</summary>
public sealed record WebSocketHeaders(IReadOnlyDictionary<string, string> Values);
