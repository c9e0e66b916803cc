using Hall.QueueService.Api;
using System.Security.Claims;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Uplink;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.City;

/// <summary><c>POST /api/uplink/events</c> on a city server: a hall's batch of events, with its key.</summary>
public static class CityUplinkApi
{
    public static IEndpointRouteBuilder MapCityUplinkApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/uplink/events", AcceptAsync).WithTags("City").RequireAuthorization(HallPolicies.UplinkHall)
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict)
            .WithSummary("A hall's next events in chain order (idempotent by event id); a gap or a changed event is refused and alerted");
        return app;
    }

    public static async Task<Ok<UplinkAcknowledgement>> AcceptAsync(UplinkBatch batch, ClaimsPrincipal user, CityIngest ingest, CancellationToken cancellationToken)
    {
        var hallId = user.FindFirstValue(UplinkHallKeyAuthenticationHandler.HallIdClaim)!;
        if (batch.HallId != hallId)
        {
            throw QueueProblems.OtherHallsBatch(hallId, batch.HallId);
        }
        return TypedResults.Ok(await ingest.AcceptAsync(hallId, batch, cancellationToken));
    }
}
