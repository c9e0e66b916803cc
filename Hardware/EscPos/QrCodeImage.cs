namespace Hall.Hardware.EscPos;

/// <summary>
/// A QR code drawn as a bitmap, for printers without native QR (<c>GS ( k</c>): the module matrix comes from ZXing.Net
/// (<see cref="QrCodeMatrix"/>), quiet zone included, and each module becomes a square of dots.
/// </summary>
public static class QrCodeImage
{
    public static MonochromeImage Render(string payload, int dotsPerModule = 6, QrErrorCorrection errorCorrection = QrErrorCorrection.M) =>
        MonochromeImage.FromMatrix(QrCodeMatrix.Rows(QrCodeMatrix.Encode(payload, errorCorrection)), dotsPerModule);
}
