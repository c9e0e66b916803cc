using Hall.Contracts.Api;
using Hall.KioskApp.Options;
using Hall.KioskApp.Printing;
using Microsoft.Extensions.Options;

namespace Hall.Benchmarks.Micro;

/// <summary>
/// The bytes the kiosk sends to its thermal printer for one real ticket (the kiosk's own <see cref="TicketLayout"/>),
/// with the printer's own QR (<c>GS ( k</c>) and with a raster QR, and how long they take on a serial line
/// (start bit, 8 data bits, stop bit: 10 bits per byte).
/// </summary>
public static class TicketPrintSize
{
    public sealed record Result(string TicketNumber, int NativeQrBytes, int RasterQrBytes)
    {
        public double NativeSecondsAt(int baud) => WireSeconds(NativeQrBytes, baud);

        public double RasterSecondsAt(int baud) => WireSeconds(RasterQrBytes, baud);
    }

    public static double WireSeconds(int bytes, int baud) => bytes * 10.0 / baud;

    public static Result Measure(IssuedTicket ticket)
    {
        var kiosk = Options.Create(new KioskOptions { ServerUrl = "http://127.0.0.1", TimeZone = "Asia/Shanghai" });
        var native = new TicketLayout(Options.Create(new PrinterOptions { QrMode = "native" }), kiosk).Render(ticket);
        var raster = new TicketLayout(Options.Create(new PrinterOptions { QrMode = "raster" }), kiosk).Render(ticket);
        return new Result(ticket.Number, native.Length, raster.Length);
    }
}
