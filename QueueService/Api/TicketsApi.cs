using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.RateLimiting;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Api;

/// <summary>Taking a number and following a ticket.</summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Tickets");
        group.MapPost("/", IssueAsync).WithSummary("Issue a ticket (取号)")
            .RequireDevice(DeviceKind.Kiosk).RequireRateLimiting(HallRateLimiting.Issuing)
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooMany);
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A ticket's status, window and rating").Refuses(ProblemKind.NotFound);
        return group;
    }

    public static async Task<Created<IssuedTicket>> IssueAsync(IssueTicketRequest request, TicketIssuer issuer, GreenChannelAuthorizer green,
        IOptions<QueueStorageOptions> options, HttpContext http)
    {
        await green.AuthorizeAsync(request, HallRateLimiting.ClientAddress(http), http.RequestAborted);
        var baseUrl = options.Value.TrackingBaseUrl(http.Request);
        var key = http.Request.Headers[IdempotencyKey.Header].ToString();
        var ticket = await issuer.IssueAsync(request, RequestActor.From(http), baseUrl, key.Length == 0 ? null : key, http.RequestAborted);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", ticket);
    }

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> GetAsync(Guid id, HallQueries queries, Notify.TurnNotices turnNotices, CancellationToken cancellationToken)
    {
        var ticket = await queries.GetTicketAsync(id, cancellationToken);
        // The tracking page alerts at the same number of people ahead as the text message.
        return ticket is null ? HallProblemResults.Result(QueueProblems.UnknownTicket(id).Problem) : TypedResults.Ok(ticket with { NearAhead = turnNotices.AheadThreshold });
    }
}
