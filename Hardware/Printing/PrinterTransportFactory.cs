namespace Hall.Hardware.Printing;

/// <summary>The one place where a printer transport is created from its settings.</summary>
public static class PrinterTransportFactory
{
    public static IPrinterTransport Create(PrinterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Transport switch
        {
            PrinterTransportKind.File => new FilePrinterTransport(connection.Target),
            PrinterTransportKind.Serial => new SerialPrinterTransport(connection),
            PrinterTransportKind.Tcp => TcpPrinterTransport.TryParseTarget(connection.Target, out var host, out var port)
                ? new TcpPrinterTransport(connection, host, port)
                : throw new ArgumentException($"'{connection.Target}' is no tcp printer address; write host:9100.", nameof(connection)),
            _ => throw new ArgumentOutOfRangeException(nameof(connection), connection.Transport, "Unknown printer transport."),
        };
    }
}
