using QRCoder;

namespace Hall.Hardware.EscPos;

/// <summary>
/// A QR code drawn as a bitmap, for printers without native QR (<c>GS ( k</c>): the module matrix comes from QRCoder,
/// quiet zone included, and each module becomes a square of dots.
/// </summary>
public static class QrCodeImage
{
    public static MonochromeImage Render(string payload, int dotsPerModule = 6, QrErrorCorrection errorCorrection = QrErrorCorrection.M)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, ToEccLevel(errorCorrection), forceUtf8: true);
        var rows = data.ModuleMatrix
            .Select(row => (IReadOnlyList<bool>)Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())
            .ToArray();
        return MonochromeImage.FromMatrix(rows, dotsPerModule);
    }

    private static QRCodeGenerator.ECCLevel ToEccLevel(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.L => QRCodeGenerator.ECCLevel.L,
        QrErrorCorrection.M => QRCodeGenerator.ECCLevel.M,
        QrErrorCorrection.Q => QRCodeGenerator.ECCLevel.Q,
        _ => QRCodeGenerator.ECCLevel.H,
    };
}
