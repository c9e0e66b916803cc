namespace Hall.Hardware.Serial;

/// <summary>The standard rates every platform here can set.</summary>
public static class BaudRates
{
    public static IReadOnlyList<int> Supported { get; } = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

    public static bool IsSupported(int baudRate) => Supported.Contains(baudRate);
}
