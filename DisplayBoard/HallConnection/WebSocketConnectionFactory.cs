using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>
/// The transport for <c>HubConnection</c>: a plain <see cref="System.Net.WebSockets.ClientWebSocket"/> straight to the
/// hub path (the full SignalR client package with its HTTP transports is not available here).
/// </summary>
public sealed class WebSocketConnectionFactory : IConnectionFactory
{
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        if (endpoint is not UriEndPoint uriEndPoint)
        {
            throw new NotSupportedException($"{endpoint} is not a hub address; register a UriEndPoint.");
        }
        return await WebSocketConnectionContext.ConnectAsync(uriEndPoint.Uri, cancellationToken);
    }
}
