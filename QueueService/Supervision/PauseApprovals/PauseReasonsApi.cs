using Hall.QueueService.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Supervision.PauseApprovals;

/// <summary>The hall's pause reasons for the console, and the supervisors' approval of those that need it.</summary>
public static class PauseReasonsApi
{
    public static IEndpointRouteBuilder MapPauseReasonsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pause-reasons", GetReasons).WithTags("Windows")
            .WithSummary("The reasons the console offers for a pause; those with needsApproval count as 离岗 unless a supervisor approves");
        var group = app.MapGroup("/api/supervision/pause-approvals").WithTags("Supervision").RequireSupervisor()
            .Refuses(ProblemKind.Unauthenticated, ProblemKind.Forbidden);
        group.MapGet("/", ListAsync).WithSummary("Windows paused now for a reason that needs approval (现场勘察), with the decision so far");
        group.MapPost("/{windowNumber:int}", DecideAsync).WithSummary("Approve or reject the window's current pause")
            .Refuses(ProblemKind.Invalid, ProblemKind.NotFound, ProblemKind.Conflict);
        return app;
    }

    public static Ok<IReadOnlyList<PauseReason>> GetReasons(HallCatalogHolder hall) => TypedResults.Ok(hall.Current.Definition.PauseReasons);

    public static async Task<Ok<IReadOnlyList<PausedWindow>>> ListAsync(PauseApprovalDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.ListAsync(cancellationToken));

    public static async Task<Ok<PausedWindow>> DecideAsync(int windowNumber, PauseDecision decision, PauseApprovalDesk desk, HttpContext http) =>
        TypedResults.Ok(await desk.DecideAsync(windowNumber, decision, HallSchemes.ActingStaff(http.User) ?? "admin", http.RequestAborted));
}
