using Hall.Hardware.Printing;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.Options;
using Hall.KioskApp.Printing;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Apis;

/// <summary><c>GET /api/kiosk</c>: what the page needs to know about this kiosk (name, idle time, printer state).</summary>
public static class KioskInfoApi
{
    public sealed record KioskInfo(string HallName, string DeviceId, int IdleSeconds, string TimeZone, PrinterInfo Printer);

    /// <param name="Status">online, offline, fault, paperOut, paperLow, coverOpen, or unknown before the first check.</param>
    public sealed record PrinterInfo(string Status, string Message);

    public static IEndpointRouteBuilder MapKioskInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").MapGet("/kiosk", GetInfo);
        return app;
    }

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<KioskInfo>> GetInfo(IOptions<KioskOptions> options, TicketPrinter printer, HallServerClient server, CancellationToken cancellationToken)
    {
        var hallName = options.Value.HallName is { Length: > 0 } configured
            ? configured
            : await server.GetHallNameAsync(cancellationToken) ?? "政务服务中心";
        var status = printer.LastStatus;
        var printerInfo = status is null
            ? new PrinterInfo("unknown", "")
            : new PrinterInfo(PrinterStatusText.Code(status), PrinterStatusText.Describe(status));
        return TypedResults.Ok(new KioskInfo(hallName, options.Value.DeviceId, options.Value.IdleSeconds, options.Value.TimeZone, printerInfo));
    }
}
