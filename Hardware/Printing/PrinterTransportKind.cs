namespace Hall.Hardware.Printing;

/// <summary>How the kiosk reaches its printer (the <c>Printer:Transport</c> setting).</summary>
public enum PrinterTransportKind
{
    /// <summary>Virtual printer: one <c>.bin</c> file per job in a folder.</summary>
    File,
    /// <summary>Serial line (USB-serial or RS-232), opened with System.IO.Ports through SerialPorts.Open.</summary>
    Serial,
    /// <summary>Raw TCP, port 9100.</summary>
    Tcp,
}
