namespace Hall.Hardware.EscPos;

/// <summary>
/// ESC/POS commands as pure functions: each returns the exact bytes a printer receives.
/// This part: set-up and text formatting.
/// </summary>
public static partial class EscPosCommands
{
    public const byte Esc = 0x1B;
    public const byte Gs = 0x1D;
    public const byte Fs = 0x1C;
    public const byte Dle = 0x10;
    public const byte Eot = 0x04;
    public const byte Lf = 0x0A;

    /// <summary><c>ESC @</c>: clears the print buffer and resets every mode to its power-on value.</summary>
    public static byte[] Initialize() => [Esc, 0x40];

    /// <summary><c>ESC a n</c>: justification of the following lines.</summary>
    public static byte[] Align(TextAlignment alignment) => [Esc, 0x61, (byte)alignment];

    /// <summary><c>GS ! n</c>: character magnification, 1–8 times in each direction (applies to Chinese characters too).</summary>
    public static byte[] CharacterSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8);
        return [Gs, 0x21, (byte)(((width - 1) << 4) | (height - 1))];
    }

    /// <summary><c>ESC E n</c>: emphasized (bold) on or off.</summary>
    public static byte[] Bold(bool on) => [Esc, 0x45, on ? (byte)1 : (byte)0];

    /// <summary><c>ESC - n</c>: underline off, one dot or two dots thick.</summary>
    public static byte[] Underline(UnderlineMode mode) => [Esc, 0x2D, (byte)mode];

    /// <summary><c>FS &amp;</c>: Chinese character mode on, so two-byte GB codes print as one glyph.</summary>
    public static byte[] ChineseModeOn() => [Fs, 0x26];

    /// <summary><c>FS .</c>: Chinese character mode off.</summary>
    public static byte[] ChineseModeOff() => [Fs, 0x2E];

    /// <summary>Text encoded in GB18030. Printers hold GBK glyphs only: prefer full-width symbols such as ￥.</summary>
    public static byte[] Text(string text) => EscPosEncoding.Gb18030.GetBytes(text);

    /// <summary><c>LF</c>: prints the buffer and feeds one line.</summary>
    public static byte[] LineFeed() => [Lf];

    /// <summary><c>ESC d n</c>: prints the buffer and feeds n lines.</summary>
    public static byte[] FeedLines(int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines, 255);
        return [Esc, 0x64, (byte)lines];
    }
}
