using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hall.Contracts.Api;

/// <summary>A device's state as it reports it to supervision (<see cref="DeviceStatusReport"/>); camelCase on the wire and in storage.</summary>
[JsonConverter(typeof(DeviceNameConverter<DeviceStatus>))]
public enum DeviceStatus
{
    Online,
    Offline,
    Fault,
    PaperOut,
    PaperLow,
    CoverOpen,
}

/// <summary>The kinds of device or device part the hall's own programs report (<see cref="DeviceStatusReport.Kind"/>).</summary>
[JsonConverter(typeof(DeviceNameConverter<DeviceReportKind>))]
public enum DeviceReportKind
{
    /// <summary>Not said: stored as <c>device</c>.</summary>
    Device,
    Kiosk,
    Board,
    Printer,
    IdCardReader,
    LedStrip,
    Caller,
    Evaluator,
    /// <summary>A device on the hall bus at an address no window lists as its caller or evaluator.</summary>
    BusDevice,
}

/// <summary>Device enums by their camelCase names only (<c>paperOut</c>, <c>ledStrip</c>); numbers are refused.</summary>
public sealed class DeviceNameConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;

public static class DeviceNames
{
    /// <summary>The name on the wire and in the database, e.g. <c>paperOut</c>.</summary>
    public static string Name(this DeviceStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <inheritdoc cref="Name(DeviceStatus)"/>
    public static string Name(this DeviceReportKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>The status a name stands for (as <c>Hall.Hardware.Printing.PrinterStatusText.Code</c> gives it).</summary>
    public static DeviceStatus StatusNamed(string name) =>
        Enum.TryParse<DeviceStatus>(name, ignoreCase: true, out var status) && Name(status) == name
            ? status
            : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a device status.");
}
