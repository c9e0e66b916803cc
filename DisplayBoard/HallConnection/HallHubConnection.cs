using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Hall.Contracts.Hub;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>Builds a real <see cref="HubConnection"/> to a hall server's hub over <see cref="WebSocketConnectionFactory"/>.</summary>
public static class HallHubConnection
{
    /// <param name="serverUrl">The hall server, for example <c>http://127.0.0.1:5000</c>; the hub path is added.</param>
    /// <param name="deviceKey">The display computer's device key, sent with the connection; null for none.</param>
    /// <param name="boardView">Ask only for what a board shows (<see cref="HallHub.BoardViewQuery"/>).</param>
    public static HubConnection Create(Uri serverUrl, ILoggerFactory? loggerFactory = null, string hubPath = HallHub.Path, string? deviceKey = null,
        bool boardView = false)
    {
        var builder = new HubConnectionBuilder();
        builder.Services.AddSingleton(new WebSocketHeaders(
            string.IsNullOrEmpty(deviceKey) ? new Dictionary<string, string>() : new Dictionary<string, string> { [Hall.Contracts.Api.DeviceHeaders.Key] = deviceKey }));
        builder.Services.AddSingleton<IConnectionFactory, WebSocketConnectionFactory>();
        var hubUri = HubUri(serverUrl, hubPath);
        builder.Services.AddSingleton<EndPoint>(new UriEndPoint(boardView ? new Uri(hubUri + "?" + HallHub.BoardViewQuery) : hubUri));
        if (loggerFactory is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        }
        return builder.Build();
    }

    /// <summary>The hub address under the server address, keeping a base path such as <c>http://host/hall/</c>.</summary>
    public static Uri HubUri(Uri serverUrl, string hubPath = HallHub.Path) =>
        new(serverUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + hubPath.TrimStart('/'));
}
