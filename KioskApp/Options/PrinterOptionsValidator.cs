using Hall.Hardware.Printing;
using Hall.Hardware.Serial;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Options;

/// <summary>Checks the <c>Printer</c> settings at start-up; every message names the setting.</summary>
public sealed class PrinterOptionsValidator : IValidateOptions<PrinterOptions>
{
    private static readonly string[] Transports = ["file", "serial", "tcp"];
    private static readonly string[] QrModes = ["native", "raster"];

    public ValidateOptionsResult Validate(string? name, PrinterOptions options)
    {
        var failures = new List<string>();
        var transport = options.Transport?.Trim().ToLowerInvariant() ?? "";
        if (!Transports.Contains(transport))
        {
            failures.Add($"Printer:Transport '{options.Transport}' must be one of file, serial, tcp.");
        }
        if (string.IsNullOrWhiteSpace(options.Target))
        {
            failures.Add("Printer:Target is required: a folder for file, a device such as /dev/ttyUSB0 for serial, host:9100 for tcp.");
        }
        else if (transport == "tcp" && !TcpPrinterTransport.TryParseTarget(options.Target, out _, out _))
        {
            failures.Add($"Printer:Target '{options.Target}' is not a tcp printer address such as 192.168.1.50:9100.");
        }
        if (transport == "serial" && !BaudRates.IsSupported(options.BaudRate))
        {
            failures.Add($"Printer:BaudRate {options.BaudRate} must be one of {string.Join(", ", BaudRates.Supported)}.");
        }
        if (!QrModes.Contains(options.QrMode?.Trim().ToLowerInvariant() ?? ""))
        {
            failures.Add($"Printer:QrMode '{options.QrMode}' must be native or raster.");
        }
        if (options.StatusTimeoutMilliseconds is < 50 or > 30000)
        {
            failures.Add($"Printer:StatusTimeoutMilliseconds {options.StatusTimeoutMilliseconds} must be between 50 and 30000.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
