using Hall.Hardware.Serial.Unix;
using Hall.Hardware.Serial.Windows;

namespace Hall.Hardware.Serial;

/// <summary>The one place that opens a serial port, choosing the platform's implementation.</summary>
public static class SerialPorts
{
    /// <exception cref="SerialPortException">The port does not exist, is busy, or refuses the settings.</exception>
    public static ISerialPort Open(SerialPortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PortName))
        {
            throw new SerialPortException("(none)", "no port name is configured.");
        }
        if (!BaudRates.IsSupported(options.BaudRate))
        {
            throw new SerialPortException(options.PortName,
                $"baud rate {options.BaudRate} is not supported; use one of {string.Join(", ", BaudRates.Supported)}.");
        }

        if (OperatingSystem.IsWindows())
        {
            return WindowsSerialPort.Open(options.PortName, options.BaudRate);
        }
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            return UnixSerialPort.Open(options.PortName, options.BaudRate);
        }
        throw new PlatformNotSupportedException($"Serial ports are not supported on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
    }

    public static ISerialPort Open(string portName, int baudRate = 9600) =>
        Open(new SerialPortOptions { PortName = portName, BaudRate = baudRate });
}
