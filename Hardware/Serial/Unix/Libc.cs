using System.Runtime.InteropServices;

namespace Hall.Hardware.Serial.Unix;

/// <summary>The few libc calls a raw serial port needs (termios and poll), for Linux and macOS.</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    /// <summary>Larger than <c>struct termios</c> on every supported platform; only libc reads and writes it.</summary>
    public const int TermiosBufferSize = 256;

    public const int O_RDWR = 2;
    public const int TCSANOW = 0;
    public const int EINTR = 4;
    public const short POLLIN = 0x001;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;

    public static int O_NOCTTY => OperatingSystem.IsMacOS() ? 0x20000 : 0x100;
    public static int O_CLOEXEC => OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000;
    public static int TCIOFLUSH => OperatingSystem.IsMacOS() ? 3 : 2;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Library, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Library, EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte* termios);

    /// <summary>Linux: <c>speed_t</c> is a 32-bit unsigned int.</summary>
    [LibraryImport(Library, EntryPoint = "cfsetspeed", SetLastError = true)]
    public static partial int CfSetSpeedLinux(byte* termios, uint speed);

    /// <summary>macOS: <c>speed_t</c> is an unsigned long.</summary>
    [LibraryImport(Library, EntryPoint = "cfsetspeed", SetLastError = true)]
    public static partial int CfSetSpeedMac(byte* termios, nuint speed);

    [LibraryImport(Library, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    public static string LastErrorMessage(out int errno)
    {
        errno = Marshal.GetLastPInvokeError();
        return Marshal.GetPInvokeErrorMessage(errno);
    }
}
