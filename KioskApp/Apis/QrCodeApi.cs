using Microsoft.AspNetCore.Http.HttpResults;
using Hall.Hardware.EscPos;

namespace Hall.KioskApp.Apis;

/// <summary><c>GET /api/qr.svg?text=…</c>: a QR code as SVG for the screen, so a citizen can photograph the tracking link.</summary>
public static class QrCodeApi
{
    public const int MaxTextLength = 1024;

    public static IEndpointRouteBuilder MapQrCodeApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").MapGet("/qr.svg", GetSvg);
        return app;
    }

    public static Results<ContentHttpResult, ProblemHttpResult> GetSvg(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return TypedResults.Problem(detail: $"text 必须是 1 到 {MaxTextLength} 个字符。", statusCode: StatusCodes.Status400BadRequest);
        }
        return TypedResults.Content(QrCodeSvg.Render(text), "image/svg+xml");
    }
}
