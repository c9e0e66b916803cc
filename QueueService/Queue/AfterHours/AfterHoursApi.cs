using Hall.QueueService.Api;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Queue.AfterHours;

/// <summary>延时服务: the clerk's registered refusal, and the supervisors' view of after-hours visits and refusals.</summary>
public static class AfterHoursApi
{
    public static IEndpointRouteBuilder MapAfterHoursApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/windows/{number:int}/after-hours-refusal", RefuseAsync).WithTags("Windows")
            .WithSummary("Registers a refusal to serve after closing, with its reason (不得无故拒绝延时服务); supervisors are alerted")
            .RequireAuthorization(HallPolicies.WindowClerk)
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict);
        app.MapGet("/api/supervision/after-hours", ReportAsync).WithTags("Supervision")
            .WithSummary("Visits finished after closing per day, and the refusals registered, over ?from=&to=")
            .RequireSupervisor().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden);
        return app;
    }

    public static async Task<Created<AfterHoursRefusalView>> RefuseAsync(AfterHoursRefusalRequest request, AfterHoursDesk desk, HttpContext http)
    {
        var session = HallSchemes.ClerkSessionOf(http.User) ?? throw new InvalidOperationException("The window clerk policy did not run for this endpoint.");
        var refusal = await desk.RefuseAsync(session, request, RequestActor.From(http, "console"), http.RequestAborted);
        return TypedResults.Created($"/api/supervision/after-hours?from={refusal.RefusedAt:yyyy-MM-dd}", refusal);
    }

    public static async Task<Ok<AfterHoursReport>> ReportAsync(string? from, string? to, AfterHoursDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.ReportAsync(HallDateRange.Parse(from, to), cancellationToken));
}
