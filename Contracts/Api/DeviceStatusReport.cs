using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

/// <summary>A device's state as kiosks, boards and the bus host report it to supervision.</summary>
/// <param name="DeviceId">Stable name of the device, for example <c>kiosk-1/printer</c> or <c>bus/101</c>.</param>
/// <param name="Kind">What the device is: a <see cref="DeviceReportKind"/> name (<c>printer</c>, <c>ledStrip</c>, …), or
/// another short word a device chooses; <c>device</c> when not said.</param>
/// <param name="Status">Required.</param>
/// <param name="Detail">A sentence for the supervisor, in Chinese.</param>
public sealed record DeviceStatusReport(string DeviceId, string? Kind, [property: JsonRequired] DeviceStatus Status, string? Detail);
