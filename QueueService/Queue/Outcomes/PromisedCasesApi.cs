using Hall.QueueService.Api;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Queue.Outcomes;

/// <summary><c>/api/promised-cases</c>: the 承诺件 accepted at the windows, and their completion (办结) by staff.</summary>
public static class PromisedCasesApi
{
    public static IEndpointRouteBuilder MapPromisedCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/promised-cases").WithTags("Statistics").RequireAuthorization(HallPolicies.Staff)
            .Refuses(ProblemKind.Unauthenticated, ProblemKind.Forbidden);
        group.MapGet("/", ListAsync).WithSummary("承诺件 by due date: status=open (default) or all, each with overdue");
        group.MapPost("/{ticketId:guid}/complete", CompleteAsync).WithSummary("The 承诺件's result is ready or delivered (办结), recorded today")
            .Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PromisedCaseView>>> ListAsync(string? status, PromisedCases cases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cases.ListAsync(status != "all", cancellationToken));

    public static async Task<Ok<PromisedCaseView>> CompleteAsync(Guid ticketId, PromisedCases cases, HttpContext http)
    {
        var staff = HallSchemes.ClerkSessionOf(http.User) is { } session
            ? new Actor("console", session.StaffCode, session.WindowNumber)
            : new Actor("supervision", HallSchemes.ActingStaff(http.User) ?? "admin");
        return TypedResults.Ok(await cases.CompleteAsync(ticketId, staff, http.RequestAborted));
    }
}
