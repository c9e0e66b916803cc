using System.IO.Ports;

namespace Hall.Hardware.Serial;

/// <summary>The one place that opens a serial port: <see cref="SerialPort"/> from System.IO.Ports, 8N1, raw.</summary>
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

        var port = new SerialPort(options.PortName, options.BaudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            // Reads wait for the first byte however long the line is quiet; SerialPort applies these to async reads too.
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = SerialPort.InfiniteTimeout,
        };
        if (OperatingSystem.IsWindows())
        {
            // Many RS-485 and USB adapters only drive the line with these on; Linux raises DTR on open by itself.
            port.DtrEnable = true;
            port.RtsEnable = true;
        }
        try
        {
            port.Open();
            port.DiscardInBuffer(); // stale bytes from before this program belong to nobody
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw SerialPortErrors.Opening(options.PortName, ex);
        }
        return new SystemSerialPort(port);
    }

    public static ISerialPort Open(string portName, int baudRate = 9600) =>
        Open(new SerialPortOptions { PortName = portName, BaudRate = baudRate });

    private sealed class SystemSerialPort(SerialPort port) : ISerialPort
    {
        private readonly SerialLineStream _stream = new(port);

        public string PortName => port.PortName;

        public int BaudRate => port.BaudRate;

        public Stream Stream => _stream;

        public void Dispose() => _stream.Dispose();
    }
}
