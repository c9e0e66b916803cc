using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Hall.Hardware.Serial.Unix;

/// <summary>A tty opened through termios in raw mode (Linux, macOS).</summary>
[UnsupportedOSPlatform("windows")]
internal sealed class UnixSerialPort : ISerialPort
{
    private readonly UnixSerialStream _stream;

    private UnixSerialPort(string portName, int baudRate, UnixSerialStream stream)
    {
        PortName = portName;
        BaudRate = baudRate;
        _stream = stream;
    }

    public string PortName { get; }

    public int BaudRate { get; }

    public Stream Stream => _stream;

    public static unsafe UnixSerialPort Open(string portName, int baudRate)
    {
        var speed = TermiosSpeed.For(baudRate);
        var fd = Libc.Open(portName, Libc.O_RDWR | Libc.O_NOCTTY | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            var message = Libc.LastErrorMessage(out var errno);
            var hint = errno switch
            {
                2 => " (no such device; is the adapter plugged in and the name right?)",
                13 => " (permission denied; add the service user to the 'dialout' group)",
                16 => " (busy; another program has it open)",
                _ => "",
            };
            throw new SerialPortException(portName, $"cannot open: {message}{hint}");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var termios = stackalloc byte[Libc.TermiosBufferSize];
            new Span<byte>(termios, Libc.TermiosBufferSize).Clear();
            if (Libc.TcGetAttr(fd, termios) != 0)
            {
                throw new SerialPortException(portName, $"not a serial device (tcgetattr: {Libc.LastErrorMessage(out _)}).");
            }
            // Raw mode: 8 data bits, no parity, no echo, no line editing, read returns as soon as one byte is there.
            Libc.CfMakeRaw(termios);
            var result = OperatingSystem.IsMacOS()
                ? Libc.CfSetSpeedMac(termios, speed)
                : Libc.CfSetSpeedLinux(termios, speed);
            if (result != 0)
            {
                throw new SerialPortException(portName, $"cannot set {baudRate} baud (cfsetspeed: {Libc.LastErrorMessage(out _)}).");
            }
            if (Libc.TcSetAttr(fd, Libc.TCSANOW, termios) != 0)
            {
                throw new SerialPortException(portName, $"cannot apply settings (tcsetattr: {Libc.LastErrorMessage(out _)}).");
            }
            // Bytes that arrived before we owned the port belong to nobody.
            _ = Libc.TcFlush(fd, Libc.TCIOFLUSH);
            return new UnixSerialPort(portName, baudRate, new UnixSerialStream(handle, portName));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose() => _stream.Dispose();

    public override string ToString() => $"{PortName} {BaudRate} 8N1";
}
