using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Hall.Hardware.Serial.Windows;

/// <summary>
/// Overlapped handle, so a waiting read never holds up a write; the port's read time-outs end each read
/// after one slice with 0 bytes, which the base class turns into "keep waiting".
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsSerialStream(SafeFileHandle handle, string portName)
    : SerialPortStream(handle, portName, isAsync: true)
{
    public const uint ReadSliceMilliseconds = WaitSliceMilliseconds;

    protected override int TryRead(Span<byte> buffer) => File.Read(buffer);
}
