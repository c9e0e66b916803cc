using Hall.Contracts.Api;
using Hall.KioskApp.HallServer;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.KioskApp.Apis;

/// <summary><c>GET /api/services</c>: the hall server's services with their live queues, passed through for the page.</summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").MapGet("/services", GetServicesAsync);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ServiceInfo>>, ProblemHttpResult>> GetServicesAsync(HallServerClient server, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await server.GetServicesAsync(cancellationToken));
        }
        catch (HallServerUnavailableException)
        {
            return KioskProblems.ServerUnreachable();
        }
    }
}
