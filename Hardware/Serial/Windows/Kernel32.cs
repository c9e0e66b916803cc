using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Hall.Hardware.Serial.Windows;

/// <summary>The kernel32 calls for a COM port: open, line settings, read time-outs.</summary>
internal static partial class Kernel32
{
    public const uint GENERIC_READ = 0x80000000;
    public const uint GENERIC_WRITE = 0x40000000;
    public const uint OPEN_EXISTING = 3;
    public const uint FILE_FLAG_OVERLAPPED = 0x40000000;
    public const uint MAXDWORD = 0xFFFFFFFF;
    public const uint PURGE_TXCLEAR = 0x0004;
    public const uint PURGE_RXCLEAR = 0x0008;

    /// <summary>The C bit fields of <c>DCB</c> after <c>BaudRate</c>.</summary>
    [Flags]
    public enum DcbFlags : uint
    {
        Binary = 1 << 0,
        DtrControlEnable = 1 << 4,
        RtsControlEnable = 1 << 12,
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Dcb
    {
        public uint DCBlength;
        public uint BaudRate;
        public DcbFlags Flags;
        public ushort wReserved;
        public ushort XonLim;
        public ushort XoffLim;
        public byte ByteSize;
        public byte Parity;
        public byte StopBits;
        public byte XonChar;
        public byte XoffChar;
        public byte ErrorChar;
        public byte EofChar;
        public byte EvtChar;
        public ushort wReserved1;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CommTimeouts
    {
        public uint ReadIntervalTimeout;
        public uint ReadTotalTimeoutMultiplier;
        public uint ReadTotalTimeoutConstant;
        public uint WriteTotalTimeoutMultiplier;
        public uint WriteTotalTimeoutConstant;
    }

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", StringMarshalling = StringMarshalling.Utf16, SetLastError = true)]
    public static partial SafeFileHandle CreateFile(string fileName, uint desiredAccess, uint shareMode, IntPtr securityAttributes,
        uint creationDisposition, uint flagsAndAttributes, IntPtr templateFile);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool GetCommState(SafeFileHandle file, ref Dcb dcb);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetCommState(SafeFileHandle file, ref Dcb dcb);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetCommTimeouts(SafeFileHandle file, ref CommTimeouts timeouts);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool PurgeComm(SafeFileHandle file, uint flags);

    public static string LastErrorMessage() => Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
}
