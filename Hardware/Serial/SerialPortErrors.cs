namespace Hall.Hardware.Serial;

/// <summary>
/// Messages a person can act on. On Linux <see cref="System.IO.Ports.SerialPort.Open"/> reports every failure as
/// "Access to the port is denied" (a missing device too); the real reason is only in the inner exception.
/// </summary>
internal static class SerialPortErrors
{
    public static SerialPortException Opening(string portName, Exception error)
    {
        var reason = error.InnerException?.Message ?? error.Message;
        if (!OperatingSystem.IsWindows() && !File.Exists(portName))
        {
            return new SerialPortException(portName, "the device does not exist (check the cable, the adapter and the port name).", error);
        }
        if (reason.Contains("Permission denied", StringComparison.OrdinalIgnoreCase))
        {
            return new SerialPortException(portName, "permission denied (on Debian the service user needs the group dialout).", error);
        }
        if (reason.Contains("busy", StringComparison.OrdinalIgnoreCase))
        {
            return new SerialPortException(portName, "the port is busy (another program has it open).", error);
        }
        if (error is UnauthorizedAccessException && !OperatingSystem.IsWindows())
        {
            return new SerialPortException(portName, $"not a serial device or it refuses the settings ({reason}).", error);
        }
        return new SerialPortException(portName, reason, error);
    }

    public static IOException Lost(string portName, Exception? error = null) =>
        new($"Serial port {portName}: the device hung up (adapter unplugged or the other end closed).", error);
}
