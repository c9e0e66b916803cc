using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

/// <summary>The kinds of device a hall registers (the hall file's <c>devices</c>), each presenting its own key.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceKind>))]
public enum DeviceKind
{
    /// <summary>取号机: issues and prints tickets.</summary>
    [JsonStringEnumMemberName("kiosk")] Kiosk,
    /// <summary>A display computer: LED strips, the waiting-area board and voice.</summary>
    [JsonStringEnumMemberName("board")] Board,
    /// <summary>评价器 on a tablet at one window (<c>/rate/{n}</c>).</summary>
    [JsonStringEnumMemberName("evaluator")] Evaluator,
    /// <summary>总线网关: carries the callers' and evaluators' hall bus from a hall PC to the server (<c>/bus/gateway</c>).</summary>
    [JsonStringEnumMemberName("busGateway")] BusGateway,
}
