using System.Text.RegularExpressions;
using Hall.Hardware.Serial;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.HallBus;

/// <summary>
/// The hall bus of callers and evaluators (section <c>Bus</c>): on a serial port of this server (<see cref="PortName"/>),
/// or carried from a hall PC by a bus gateway (<see cref="GatewayDeviceId"/>). Neither: the server runs without a bus.
/// </summary>
public sealed class HallBusOptions
{
    public const string Section = "Bus";

    /// <summary><c>/dev/ttyUSB0</c> on Linux, <c>COM3</c> on Windows; empty when the hall has no hardware callers.</summary>
    public string? PortName { get; set; }

    public int BaudRate { get; set; } = 9600;

    /// <summary>
    /// The device id of the bus gateway (kind <c>busGateway</c>, e.g. <c>bus-1</c>) that carries the bus bytes from a
    /// hall PC's serial port to <c>/bus/gateway</c>; for servers that are not in the hall. Excludes <see cref="PortName"/>.
    /// </summary>
    public string? GatewayDeviceId { get; set; }

    /// <summary>Seconds between liveness pings of the callers and evaluators; 0 turns pinging off.</summary>
    public int PingIntervalSeconds { get; set; } = 5;

    public bool UsesGateway => !string.IsNullOrWhiteSpace(GatewayDeviceId);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(PortName) || UsesGateway;

    /// <summary>The bus's name in logs and device details: the port, or the gateway.</summary>
    public string BusName => UsesGateway ? "gateway " + GatewayDeviceId : PortName ?? "";
}

/// <summary>Checks the bus settings at start-up; each message names the setting.</summary>
public sealed partial class HallBusOptionsValidator : IValidateOptions<HallBusOptions>
{
    public ValidateOptionsResult Validate(string? name, HallBusOptions options)
    {
        var failures = new List<string>();
        if (!BaudRates.IsSupported(options.BaudRate))
        {
            failures.Add($"Bus:BaudRate {options.BaudRate} is not supported; use one of {string.Join(", ", BaudRates.Supported)}.");
        }
        if (!string.IsNullOrWhiteSpace(options.PortName) && options.UsesGateway)
        {
            failures.Add("Bus:PortName and Bus:GatewayDeviceId are both set: the bus is either on this server's serial port or carried by a gateway; set only one.");
        }
        if (options.UsesGateway && !DeviceIdPattern().IsMatch(options.GatewayDeviceId!))
        {
            failures.Add($"Bus:GatewayDeviceId '{options.GatewayDeviceId}' is not a device id (lower-case letters, digits and dashes, e.g. bus-1).");
        }
        if (options.PingIntervalSeconds is < 0 or > 3600)
        {
            failures.Add($"Bus:PingIntervalSeconds {options.PingIntervalSeconds} must be 0 (off) to 3600.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex DeviceIdPattern();
}
