using Hall.Contracts.Api;
using Hall.KioskApp.HallServer;
using Hall.KioskApp.Printing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.KioskApp.Apis;

/// <summary>
/// The guide mode (办事指南, 触摸查询), which needs no ticket: the hall server's guides passed through for the page,
/// and <c>POST /api/print-guide { serviceId }</c>, which prints one on the kiosk's printer.
/// </summary>
public static class GuidesApi
{
    public static IEndpointRouteBuilder MapGuidesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/guides", GetGuidesAsync);
        api.MapGet("/services/{id:int}/guide", GetGuideAsync);
        api.MapPost("/print-guide", PrintGuideAsync);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<GuideEntry>>, ProblemHttpResult>> GetGuidesAsync(HallServerClient server, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await server.GetGuidesAsync(cancellationToken));
        }
        catch (HallServerUnavailableException)
        {
            return KioskProblems.ServerUnreachable();
        }
    }

    public static async Task<Results<Ok<ServiceGuideInfo>, ProblemHttpResult>> GetGuideAsync(int id, HallServerClient server, CancellationToken cancellationToken)
    {
        try
        {
            return await server.GetGuideAsync(id, cancellationToken) is { } guide ? TypedResults.Ok(guide) : KioskProblems.NoGuide();
        }
        catch (HallServerUnavailableException)
        {
            return KioskProblems.ServerUnreachable();
        }
    }

    /// <summary>200 <c>{ printed, printError }</c>; 404 without a guide; 503 while the hall server cannot be asked.</summary>
    public static async Task<Results<Ok<PrintGuideResponse>, ProblemHttpResult>> PrintGuideAsync(PrintGuideRequest request, HallServerClient server,
        TicketPrinter printer, CancellationToken cancellationToken)
    {
        try
        {
            if (await server.GetGuideAsync(request.ServiceId, cancellationToken) is not { } guide)
            {
                return KioskProblems.NoGuide();
            }
            var hall = await server.GetHallAsync(cancellationToken);
            var result = await printer.PrintGuideAsync(hall?.Name ?? "政务服务中心", guide, CancellationToken.None);
            return TypedResults.Ok(new PrintGuideResponse(result.Printed, result.Printed ? null : result.Error));
        }
        catch (HallServerUnavailableException)
        {
            return KioskProblems.ServerUnreachable();
        }
    }
}

/// <summary>The body of <c>POST /api/print-guide</c>.</summary>
public sealed record PrintGuideRequest(int ServiceId);

/// <summary>Whether the guide came out of the printer, and why not.</summary>
public sealed record PrintGuideResponse(bool Printed, string? PrintError);
