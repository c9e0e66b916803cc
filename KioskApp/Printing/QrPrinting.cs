using Hall.Hardware.EscPos;

namespace Hall.KioskApp.Printing;

/// <summary>A QR code in the form the printer takes: its own <c>GS ( k</c> command, or a raster image for printers without it.</summary>
public static class QrPrinting
{
    public static EscPosBuilder Qr(this EscPosBuilder b, string payload, int moduleDots, bool raster) =>
        raster ? b.RasterImage(QrCodeImage.Render(payload, moduleDots)) : b.QrCode(payload, moduleDots);
}
