using Hall.Hardware.Serial;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.HallBus;

/// <summary>The hall bus of callers and evaluators (section <c>Bus</c>). No port name: the server runs without a bus.</summary>
public sealed class HallBusOptions
{
    public const string Section = "Bus";

    /// <summary><c>/dev/ttyUSB0</c> on Linux, <c>COM3</c> on Windows; empty when the hall has no hardware callers.</summary>
    public string? PortName { get; set; }

    public int BaudRate { get; set; } = 9600;

    /// <summary>Seconds between liveness pings of the callers and evaluators; 0 turns pinging off.</summary>
    public int PingIntervalSeconds { get; set; } = 5;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(PortName);
}

/// <summary>Checks the bus settings at start-up; each message names the setting.</summary>
public sealed class HallBusOptionsValidator : IValidateOptions<HallBusOptions>
{
    public ValidateOptionsResult Validate(string? name, HallBusOptions options)
    {
        var failures = new List<string>();
        if (!BaudRates.IsSupported(options.BaudRate))
        {
            failures.Add($"Bus:BaudRate {options.BaudRate} is not supported; use one of {string.Join(", ", BaudRates.Supported)}.");
        }
        if (options.PingIntervalSeconds is < 0 or > 3600)
        {
            failures.Add($"Bus:PingIntervalSeconds {options.PingIntervalSeconds} must be 0 (off) to 3600.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
