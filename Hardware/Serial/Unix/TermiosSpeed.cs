namespace Hall.Hardware.Serial.Unix;

/// <summary>Maps a baud rate to the platform's <c>Bxxxx</c> constant for <c>cfsetspeed</c>.</summary>
internal static class TermiosSpeed
{
    /// <summary>Linux encodes speeds as small codes (<c>B9600</c> = 13, <c>B115200</c> = 0x1002); macOS uses the rate itself.</summary>
    public static uint For(int baudRate)
    {
        if (OperatingSystem.IsMacOS())
        {
            return (uint)baudRate;
        }
        return baudRate switch
        {
            1200 => 9,       // B1200  0000011
            2400 => 11,      // B2400  0000013
            4800 => 12,      // B4800  0000014
            9600 => 13,      // B9600  0000015
            19200 => 14,     // B19200 0000016
            38400 => 15,     // B38400 0000017
            57600 => 0x1001, // B57600 0010001
            115200 => 0x1002, // B115200 0010002
            _ => throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, "Unsupported baud rate."),
        };
    }
}
