using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Hall.Hardware.Serial.Windows;

/// <summary>A COM port opened through kernel32 (<c>CreateFile("\\.\COMn")</c>, <c>SetCommState</c>, <c>SetCommTimeouts</c>).</summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsSerialPort : ISerialPort
{
    private readonly WindowsSerialStream _stream;

    private WindowsSerialPort(string portName, int baudRate, WindowsSerialStream stream)
    {
        PortName = portName;
        BaudRate = baudRate;
        _stream = stream;
    }

    public string PortName { get; }

    public int BaudRate { get; }

    public Stream Stream => _stream;

    public static WindowsSerialPort Open(string portName, int baudRate)
    {
        // COM10 and above only open through the device namespace; it works for COM1..9 as well.
        var path = portName.StartsWith(@"\\.\", StringComparison.Ordinal) ? portName : @"\\.\" + portName;
        var handle = Kernel32.CreateFile(path, Kernel32.GENERIC_READ | Kernel32.GENERIC_WRITE, 0, IntPtr.Zero,
            Kernel32.OPEN_EXISTING, Kernel32.FILE_FLAG_OVERLAPPED, IntPtr.Zero);
        if (handle.IsInvalid)
        {
            var message = Kernel32.LastErrorMessage();
            handle.Dispose();
            throw new SerialPortException(portName, $"cannot open: {message}");
        }
        try
        {
            var dcb = new Kernel32.Dcb { DCBlength = (uint)Marshal.SizeOf<Kernel32.Dcb>() };
            if (!Kernel32.GetCommState(handle, ref dcb))
            {
                throw new SerialPortException(portName, $"not a serial device (GetCommState: {Kernel32.LastErrorMessage()}).");
            }
            dcb.BaudRate = (uint)baudRate;
            dcb.Flags = Kernel32.DcbFlags.Binary | Kernel32.DcbFlags.DtrControlEnable | Kernel32.DcbFlags.RtsControlEnable;
            dcb.ByteSize = 8;
            dcb.Parity = 0;   // NOPARITY
            dcb.StopBits = 0; // ONESTOPBIT
            if (!Kernel32.SetCommState(handle, ref dcb))
            {
                throw new SerialPortException(portName, $"cannot set {baudRate} 8N1 (SetCommState: {Kernel32.LastErrorMessage()}).");
            }
            // A read returns at once with what is buffered, or waits at most one slice for the first byte.
            var timeouts = new Kernel32.CommTimeouts
            {
                ReadIntervalTimeout = Kernel32.MAXDWORD,
                ReadTotalTimeoutMultiplier = Kernel32.MAXDWORD,
                ReadTotalTimeoutConstant = WindowsSerialStream.ReadSliceMilliseconds,
            };
            if (!Kernel32.SetCommTimeouts(handle, ref timeouts))
            {
                throw new SerialPortException(portName, $"cannot set time-outs (SetCommTimeouts: {Kernel32.LastErrorMessage()}).");
            }
            _ = Kernel32.PurgeComm(handle, Kernel32.PURGE_RXCLEAR | Kernel32.PURGE_TXCLEAR);
            return new WindowsSerialPort(portName, baudRate, new WindowsSerialStream(handle, portName));
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
