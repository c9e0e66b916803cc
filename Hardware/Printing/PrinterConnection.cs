namespace Hall.Hardware.Printing;

/// <summary>Everything needed to reach one printer; the host binds its settings to this.</summary>
/// <param name="Target">A folder (file), a device such as <c>/dev/ttyUSB0</c> (serial) or <c>host:9100</c> (tcp).</param>
public sealed record PrinterConnection(PrinterTransportKind Transport, string Target, int BaudRate = 9600)
{
    /// <summary>How long to wait for each <c>DLE EOT</c> answer before calling the printer offline.</summary>
    public TimeSpan StatusTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long opening the port or connecting may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long handing over one job may take (a raster QR over 9600 baud takes seconds).</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
