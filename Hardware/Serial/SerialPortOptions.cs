using System.ComponentModel.DataAnnotations;

namespace Hall.Hardware.Serial;

/// <summary>Which port to open and how fast. The frame format is always 8 data bits, no parity, 1 stop bit (8N1).</summary>
public sealed class SerialPortOptions
{
    /// <summary><c>/dev/ttyUSB0</c>, <c>/dev/pts/3</c> on Linux; <c>COM3</c> on Windows.</summary>
    [Required]
    public string PortName { get; set; } = "";

    /// <summary>One of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200.</summary>
    [Range(1200, 115200)]
    public int BaudRate { get; set; } = 9600;
}
