using Hall.Hardware.Printing;

namespace Hall.KioskApp.Options;

/// <summary>The <c>Printer</c> settings: how to reach the kiosk's thermal printer and how to draw the QR code.</summary>
public sealed class PrinterOptions
{
    public const string SectionName = "Printer";

    /// <summary><c>file</c> (virtual printer), <c>serial</c> or <c>tcp</c>.</summary>
    public string Transport { get; set; } = "file";

    /// <summary>A folder (file), a device such as <c>/dev/ttyUSB0</c> (serial) or <c>host:9100</c> (tcp).</summary>
    public string Target { get; set; } = "";

    /// <summary>Serial speed.</summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary><c>native</c> (<c>GS ( k</c>) or <c>raster</c> (a bitmap, for printers without native QR).</summary>
    public string QrMode { get; set; } = "native";

    /// <summary>Milliseconds to wait for each status answer before calling the printer offline.</summary>
    public int StatusTimeoutMilliseconds { get; set; } = 1000;

    public PrinterTransportKind TransportKind => Enum.Parse<PrinterTransportKind>(Transport, ignoreCase: true);

    public bool RasterQr => string.Equals(QrMode, "raster", StringComparison.OrdinalIgnoreCase);

    public PrinterConnection ToConnection() => new(TransportKind, Target, BaudRate)
    {
        StatusTimeout = TimeSpan.FromMilliseconds(StatusTimeoutMilliseconds),
    };
}
