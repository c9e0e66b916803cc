namespace Hall.Hardware.Serial;

/// <summary>
/// An open serial port: a byte <see cref="Stream"/> in raw mode, 8N1 at the configured speed.
/// Disposing it (or its stream) ends pending reads (they return 0, end of stream) and closes the device.
/// </summary>
public interface ISerialPort : IDisposable
{
    /// <summary>The device name it was opened with, e.g. <c>/dev/ttyUSB0</c> or <c>COM3</c>.</summary>
    string PortName { get; }

    int BaudRate { get; }

    /// <summary>Reads and writes the line. Reads wait for at least one byte and honour cancellation.</summary>
    Stream Stream { get; }
}
