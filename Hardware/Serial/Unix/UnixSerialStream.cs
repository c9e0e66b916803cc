using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Hall.Hardware.Serial.Unix;

/// <summary>Waits for input with <c>poll()</c> in short slices, then reads what is there.</summary>
[UnsupportedOSPlatform("windows")]
internal sealed class UnixSerialStream(SafeFileHandle handle, string portName)
    : SerialPortStream(handle, portName, isAsync: false)
{
    protected override unsafe int TryRead(Span<byte> buffer)
    {
        var added = false;
        short revents;
        try
        {
            // Keeps the descriptor open during the wait even if Dispose runs on another thread.
            Handle.DangerousAddRef(ref added);
            var pollFd = new Libc.PollFd { Fd = (int)Handle.DangerousGetHandle(), Events = Libc.POLLIN };
            var ready = Libc.Poll(&pollFd, 1, WaitSliceMilliseconds);
            if (ready < 0)
            {
                var message = Libc.LastErrorMessage(out var errno);
                if (errno == Libc.EINTR)
                {
                    return 0;
                }
                throw Lost($"poll failed: {message}");
            }
            if (ready == 0)
            {
                return 0;
            }
            revents = pollFd.Revents;
        }
        finally
        {
            if (added)
            {
                Handle.DangerousRelease();
            }
        }

        if ((revents & Libc.POLLIN) != 0)
        {
            var read = File.Read(buffer);
            if (read == 0)
            {
                throw Lost("the device reported end of file (disconnected).");
            }
            return read;
        }
        if ((revents & Libc.POLLNVAL) != 0 && IsDisposed)
        {
            return 0;
        }
        throw Lost((revents & Libc.POLLHUP) != 0
            ? "the device hung up (adapter unplugged or the other end closed)."
            : "the device reported an error.");
    }
}
