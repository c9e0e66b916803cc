using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.Contracts.Hub;
using Hall.QueueService.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>Supervision alerts: open ones (or all), and acknowledging. New and acknowledged alerts are also pushed on the hall hub.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Supervision").RequireSupervisor().Refuses(ProblemKind.Unauthenticated);
        group.MapGet("/", ListAsync).WithSummary("Alerts not yet acknowledged (all=true: every alert)");
        group.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).WithSummary("A supervisor has seen to an alert").Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        return group;
    }

    public static async Task<Ok<IReadOnlyList<AlertView>>> ListAsync(bool? all, AlertStore alerts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await alerts.ListAsync(all == true, cancellationToken));

    public static async Task<Ok<AlertView>> AcknowledgeAsync(long id, AcknowledgeRequest? request, AlertStore alerts, HttpContext http) =>
        TypedResults.Ok(await alerts.AcknowledgeAsync(id, string.IsNullOrWhiteSpace(request?.By) ? HallSchemes.ActingStaff(http.User) : request.By, http.RequestAborted));
}
