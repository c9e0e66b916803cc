using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Connections;

namespace Hall.DisplayBoard.HallConnection;

/// <summary>Where the hall server is (section <c>Board</c>, as the start command says <c>--Board:ServerUrl=…</c>).</summary>
public sealed class HallServerOptions : IValidatableObject
{
    public const string Section = "Board";

    /// <summary>The hall server's address, for example <c>http://127.0.0.1:5000</c>.</summary>
    [Required(ErrorMessage = "Board:ServerUrl is required: the hall server's address, for example http://127.0.0.1:5000 (请配置大厅服务器地址).")]
    public string ServerUrl { get; set; } = "";

    /// <summary>The longest wait between two connection attempts; waits start at one second and double.</summary>
    [Range(1, 300, ErrorMessage = "Board:ReconnectMaxDelaySeconds must be between 1 and 300.")]
    public int ReconnectMaxDelaySeconds { get; set; } = 10;

    /// <summary>
    /// The key the hall's administrator issued to this display computer (<c>{deviceId}.{secret}</c>), sent when it
    /// connects to the hub and reports its LED strips. Optional unless the hall requires device keys.
    /// </summary>
    public string? DeviceKey { get; set; }

    /// <summary>
    /// The SignalR transports this board may use, best first (<c>WebSockets, ServerSentEvents, LongPolling</c>, the
    /// default). The client negotiates with the server, so a proxy that lets no WebSocket through needs no setting here;
    /// name fewer only to keep the board off a transport that a proxy breaks half-way.
    /// </summary>
    public HttpTransportType Transports { get; set; } = HallHubConnection.AllTransports;

    public Uri ServerUri => new(ServerUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ServerUrl)
            && (!Uri.TryCreate(ServerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss")))
        {
            yield return new ValidationResult(
                $"Board:ServerUrl '{ServerUrl}' is not an http:// or https:// address (大厅服务器地址无效).", [nameof(ServerUrl)]);
        }
        if (Transports == HttpTransportType.None || (Transports & ~HallHubConnection.AllTransports) != 0)
        {
            yield return new ValidationResult(
                "Board:Transports must name one or more of WebSockets, ServerSentEvents, LongPolling (连接方式无效).", [nameof(Transports)]);
        }
        if (DeviceKey is { Length: > 0 } key && (key.IndexOf('.', StringComparison.Ordinal) <= 0 || key.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult(
                "Board:DeviceKey must be the key the administrator issued, such as board-1.xxxxxxxx (设备密钥格式不正确).", [nameof(DeviceKey)]);
        }
    }
}
