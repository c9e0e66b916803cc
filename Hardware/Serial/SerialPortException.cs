namespace Hall.Hardware.Serial;

/// <summary>A serial port could not be opened or configured; the message names the port and the reason.</summary>
public sealed class SerialPortException : IOException
{
    public SerialPortException(string portName, string message, Exception? innerException = null)
        : base($"Serial port {portName}: {message}", innerException)
    {
        PortName = portName;
    }

    public string PortName { get; }
}
