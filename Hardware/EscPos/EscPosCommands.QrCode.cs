using System.Text;

namespace Hall.Hardware.EscPos;

public static partial class EscPosCommands
{
    private const byte QrCodeFunction = 0x31; // cn = 49: the QR code symbol

    /// <summary><c>GS ( k</c> fn 165: selects QR model 2 (the model every phone reads).</summary>
    public static byte[] QrModel2() => [Gs, 0x28, 0x6B, 0x04, 0x00, QrCodeFunction, 0x41, 0x32, 0x00];

    /// <summary><c>GS ( k</c> fn 167: module size in dots (1–16).</summary>
    public static byte[] QrModuleSize(int dots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dots, 16);
        return [Gs, 0x28, 0x6B, 0x03, 0x00, QrCodeFunction, 0x43, (byte)dots];
    }

    /// <summary><c>GS ( k</c> fn 169: error-correction level.</summary>
    public static byte[] QrErrorCorrectionLevel(QrErrorCorrection level) =>
        [Gs, 0x28, 0x6B, 0x03, 0x00, QrCodeFunction, 0x45, (byte)level];

    /// <summary>
    /// <c>GS ( k</c> fn 180: stores the payload in the symbol buffer. pL pH count the payload's encoded bytes
    /// (UTF-8 here) plus the three bytes cn fn m — not its characters.
    /// </summary>
    public static byte[] QrStoreData(string payload)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        var length = data.Length + 3;
        if (length > 7092)
        {
            throw new ArgumentException($"A QR payload holds at most 7089 bytes; this one has {data.Length}.", nameof(payload));
        }
        var command = new byte[8 + data.Length];
        command[0] = Gs;
        command[1] = 0x28;
        command[2] = 0x6B;
        command[3] = (byte)(length & 0xFF);
        command[4] = (byte)(length >> 8);
        command[5] = QrCodeFunction;
        command[6] = 0x50;
        command[7] = 0x30;
        data.CopyTo(command, 8);
        return command;
    }

    /// <summary><c>GS ( k</c> fn 181: prints the stored symbol.</summary>
    public static byte[] QrPrint() => [Gs, 0x28, 0x6B, 0x03, 0x00, QrCodeFunction, 0x51, 0x30];

    /// <summary>The whole native sequence: model 2, module size, error correction, store, print.</summary>
    public static byte[] QrCode(string payload, int moduleSize = 6, QrErrorCorrection errorCorrection = QrErrorCorrection.M) =>
        [.. QrModel2(), .. QrModuleSize(moduleSize), .. QrErrorCorrectionLevel(errorCorrection), .. QrStoreData(payload), .. QrPrint()];
}
