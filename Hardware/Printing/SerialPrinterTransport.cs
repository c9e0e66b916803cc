using Hall.Hardware.Serial;

namespace Hall.Hardware.Printing;

/// <summary>A printer on a serial line (RS-232 or a USB-serial adapter), opened through <see cref="SerialPorts"/>.</summary>
public sealed class SerialPrinterTransport(PrinterConnection connection) : StreamPrinterTransport(connection)
{
    public override string Description => $"serial {Connection.Target} {Connection.BaudRate}";

    // The port's stream closes the port when it is disposed.
    protected override Task<Stream> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult(SerialPorts.Open(new SerialPortOptions { PortName = Connection.Target, BaudRate = Connection.BaudRate }).Stream);
}
