using Hall.Contracts.Hub;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>
/// Builds a <see cref="HubConnection"/> to a hall server's hub with the SignalR client: negotiate, then WebSockets,
/// Server-Sent Events or long polling, whichever the server (and any proxy on the way) allows among
/// <paramref name="transports"/>.
/// </summary>
public static class HallHubConnection
{
    /// <summary>Every transport, best first: a proxy that refuses WebSockets still lets Server-Sent Events or long polling through.</summary>
    public const HttpTransportType AllTransports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;

    /// <param name="serverUrl">The hall server, for example <c>http://127.0.0.1:5000</c>; the hub path is added.</param>
    /// <param name="deviceKey">The display computer's device key, sent as a header with every request; null for none.</param>
    /// <param name="boardView">Ask only for what a board shows (<see cref="HallHub.BoardViewQuery"/>).</param>
    /// <param name="accessToken">A bearer token (a supervisor's or administrator's), sent the way SignalR clients send it; null for none.</param>
    /// <param name="reconnect">Reconnect by itself after a lost connection with these waits (raising Reconnecting/Reconnected); null: the connection closes.</param>
    public static HubConnection Create(Uri serverUrl, ILoggerFactory? loggerFactory = null, string hubPath = HallHub.Path, string? deviceKey = null,
        bool boardView = false, string? accessToken = null, HttpTransportType transports = AllTransports, IRetryPolicy? reconnect = null)
    {
        var hubUri = HubUri(serverUrl, hubPath);
        var builder = new HubConnectionBuilder().WithUrl(boardView ? new Uri(hubUri + "?" + HallHub.BoardViewQuery) : hubUri, transports, options =>
        {
            if (!string.IsNullOrEmpty(deviceKey))
            {
                options.Headers[Hall.Contracts.Api.DeviceHeaders.Key] = deviceKey;
            }
            if (!string.IsNullOrEmpty(accessToken))
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            }
        });
        if (reconnect is not null)
        {
            builder.WithAutomaticReconnect(reconnect);
        }
        if (loggerFactory is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        }
        return builder.Build();
    }

    /// <summary>The hub address under the server address, keeping a base path such as <c>http://host/hall/</c>.
    /// A <c>ws://</c> or <c>wss://</c> server address becomes <c>http://</c> or <c>https://</c>: the client negotiates over HTTP first.</summary>
    public static Uri HubUri(Uri serverUrl, string hubPath = HallHub.Path)
    {
        var server = new UriBuilder(serverUrl) { Query = "", Fragment = "" };
        server.Scheme = server.Scheme switch { "ws" => "http", "wss" => "https", var other => other };
        server.Path = server.Path.TrimEnd('/') + "/" + hubPath.TrimStart('/');
        return server.Uri;
    }
}
