namespace Hall.Hardware.EscPos;

/// <summary>
/// Reads the status bytes printers send back to <c>DLE EOT n</c>. Every answer has bit 7 and bit 0 clear and
/// bits 1 and 4 set (<c>0xx1xx10</c>); a byte that does not look like that is no status answer.
/// </summary>
public static class PrinterStatusParser
{
    private const byte FixedBitsMask = 0b1001_0011;
    private const byte FixedBitsValue = 0b0001_0010;

    public static bool IsStatusByte(byte value) => (value & FixedBitsMask) == FixedBitsValue;

    /// <summary>Parses the answer to one request into the flags it can carry.</summary>
    public static PrinterStatus Parse(StatusRequest request, byte value)
    {
        if (!IsStatusByte(value))
        {
            throw new FormatException($"0x{value:X2} is not a DLE EOT status byte.");
        }
        return request switch
        {
            // n = 1: bit 3 offline.
            StatusRequest.Printer => PrinterStatus.Ready with { Offline = Bit(value, 3) },
            // n = 2: bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error.
            StatusRequest.OfflineCause => PrinterStatus.Ready with { CoverOpen = Bit(value, 2), PaperOut = Bit(value, 5), Error = Bit(value, 6) },
            // n = 3: bit 3 unrecoverable error, bit 5 auto-recoverable error; bit 2 cutter error.
            StatusRequest.Error => PrinterStatus.Ready with { Error = Bit(value, 2) || Bit(value, 3) || Bit(value, 5) },
            // n = 4: bits 2–3 paper near end, bits 5–6 paper end.
            StatusRequest.PaperRollSensor => PrinterStatus.Ready with { PaperNearEnd = (value & 0x0C) != 0, PaperOut = (value & 0x60) != 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, "Unknown status request."),
        };
    }

    private static bool Bit(byte value, int bit) => (value & (1 << bit)) != 0;
}
