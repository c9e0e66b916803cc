using Hall.Contracts.Api;
using Hall.Hardware.Printing;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.IdCard;
using Hall.KioskApp.Options;
using Hall.KioskApp.Printing;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Apis;

/// <summary><c>GET /api/kiosk</c>: what the page needs to know about this kiosk (name, idle time, printer state).</summary>
public static class KioskInfoApi
{
    /// <param name="IdCardReader">none (this kiosk has no reader), unknown, online, offline, fault.</param>
    /// <param name="IdKeypadFallback">The hall lets the keypad stand in for the ID card where a service requires it.</param>
    /// <param name="Contacts">The hall's complaint and supervision phones for the footer.</param>
    public sealed record KioskInfo(string HallName, string DeviceId, int IdleSeconds, string TimeZone, PrinterInfo Printer, string IdCardReader, bool IdKeypadFallback,
        HallContacts Contacts);

    /// <param name="Status">online, offline, fault, paperOut, paperLow, coverOpen, or unknown before the first check.</param>
    public sealed record PrinterInfo(string Status, string Message);

    public static IEndpointRouteBuilder MapKioskInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").MapGet("/kiosk", GetInfo);
        return app;
    }

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<KioskInfo>> GetInfo(IOptions<KioskOptions> options, TicketPrinter printer, HallServerClient server,
        IdCardPresence idCard, CancellationToken cancellationToken)
    {
        var hall = await server.GetHallAsync(cancellationToken);
        var hallName = options.Value.HallName is { Length: > 0 } configured
            ? configured
            : hall?.Name ?? "政务服务中心";
        var status = printer.LastStatus;
        var printerInfo = status is null
            ? new PrinterInfo("unknown", "")
            : new PrinterInfo(PrinterStatusText.Code(status), PrinterStatusText.Describe(status));
        return TypedResults.Ok(new KioskInfo(hallName, options.Value.DeviceId, options.Value.IdleSeconds, options.Value.TimeZone, printerInfo,
            idCard.ReaderStatus, hall?.IdKeypadFallback ?? true, hall?.Contacts ?? new HallContacts()));
    }
}
