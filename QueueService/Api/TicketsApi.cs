using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Api;

/// <summary>Taking a number and following a ticket.</summary>
public static class TicketsApi
{
    /// <summary>Sent by kiosks with each take, so that a retry after a lost answer gets the same ticket.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Tickets");
        group.MapPost("/", IssueAsync).WithSummary("Issue a ticket (取号)")
            .RequireDevice(DeviceKind.Kiosk).AddEndpointFilter<IssueRateLimitFilter>();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A ticket's status, window and rating");
        return group;
    }

    public static async Task<Created<IssuedTicket>> IssueAsync(IssueTicketRequest request, TicketIssuer issuer, IOptions<QueueStorageOptions> options, HttpContext http)
    {
        var baseUrl = options.Value.TrackingBaseUrl(http.Request);
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        var ticket = await issuer.IssueAsync(request, RequestActor.From(http), baseUrl, key.Length == 0 ? null : key, http.RequestAborted);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", ticket);
    }

    public static async Task<Results<Ok<TicketView>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(Guid id, HallQueries queries, CancellationToken cancellationToken)
    {
        var ticket = await queries.GetTicketAsync(id, cancellationToken);
        return ticket is null
            ? TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "未找到 Not found", Detail = $"没有这张票 {id}。There is no ticket {id}." })
            : TypedResults.Ok(ticket);
    }
}
