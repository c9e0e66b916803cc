namespace Hall.Contracts.Api;

/// <summary>A device's state as kiosks, boards and the bus host report it to supervision.</summary>
/// <param name="DeviceId">Stable name of the device, for example <c>kiosk-1/printer</c> or <c>bus/101</c>.</param>
/// <param name="Kind">printer, evaluator, caller, ledStrip, board, kiosk.</param>
/// <param name="Status">online, offline, fault, paperOut, paperLow, coverOpen.</param>
/// <param name="Detail">A sentence for the supervisor, in Chinese.</param>
public sealed record DeviceStatusReport(string DeviceId, string Kind, string Status, string? Detail);
