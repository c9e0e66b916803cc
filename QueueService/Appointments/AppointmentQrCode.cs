using Hall.Hardware.EscPos;

namespace Hall.QueueService.Appointments;

/// <summary>The booking code as a QR code (SVG), for the phone to show at the kiosk; the code is printed under it too.</summary>
public static class AppointmentQrCode
{
    public static string Svg(string code) => QrCodeSvg.Render(code);
}
