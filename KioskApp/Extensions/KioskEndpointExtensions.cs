using Hall.KioskApp.Apis;

namespace Hall.KioskApp.Extensions;

public static class KioskEndpointExtensions
{
    /// <summary>The touch page (static files), the kiosk's API and <c>/health</c>.</summary>
    public static WebApplication MapKioskEndpoints(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/health", () => TypedResults.Ok("ok"));
        app.MapKioskInfoApi();
        app.MapServicesApi();
        app.MapTakeApi();
        app.MapQrCodeApi();
        return app;
    }
}
