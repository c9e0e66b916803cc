using QRCoder;

namespace Hall.QueueService.Appointments;

/// <summary>The booking code as a QR code (SVG), for the phone to show at the kiosk; the code is printed under it too.</summary>
public static class AppointmentQrCode
{
    public static string Svg(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
