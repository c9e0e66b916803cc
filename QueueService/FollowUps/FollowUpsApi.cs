using Dapper;
using Hall.QueueService.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.FollowUps;

/// <summary>
/// The 差评 loop (GB/T 39734 9.3): each bad rating's follow-up is visited (回访), rectified (整改) and answered, then
/// closed by a supervisor; the rated clerk may appeal (申诉) and a supervisor reviews it (复核).
/// </summary>
public static class FollowUpsApi
{
    public static RouteGroupBuilder MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/follow-ups").WithTags("Follow-ups");
        var supervisor = group.MapGroup("").RequireSupervisor().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        supervisor.MapGet("/", ListAsync).WithSummary("Follow-ups of bad ratings (回访/整改); status=open (default), closed or all");
        supervisor.MapPost("/{id:guid}/visit", FollowUpStepsApi.VisitAsync).WithSummary("Record the 回访: channel, who called, what the citizen said")
            .Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        supervisor.MapPost("/{id:guid}/close", CloseAsync).WithSummary("Close a follow-up with the 整改 taken and the answer given to the citizen")
            .Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        supervisor.MapPost("/{id:guid}/review", FollowUpStepsApi.ReviewAsync).WithSummary("复核: uphold (the rating no longer counts) or reject the clerk's appeal")
            .Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
        group.MapGet("/mine", FollowUpStepsApi.MineAsync).RequireAuthorization(HallPolicies.WindowClerk)
            .WithSummary("The logged-in clerk's own follow-ups, to appeal from the console").Refuses(ProblemKind.Unauthenticated);
        group.MapPost("/{id:guid}/appeal", FollowUpStepsApi.AppealAsync).RequireAuthorization(HallPolicies.WindowClerk)
            .WithSummary("申诉: the rated clerk asks for the rating to be reviewed, with a reason")
            .Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict);
        return group;
    }

    public static async Task<Ok<List<FollowUpView>>> ListAsync(string? status, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, CancellationToken cancellationToken)
    {
        status ??= "open";
        if (status is not ("open" or "closed" or "all"))
        {
            throw QueueProblems.InvalidStatus(["open", "closed", "all"]);
        }
        var catalog = hall.Current;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FollowUpRow>(
            $"""
            {FollowUpsTable.SelectWithReasons}
            WHERE f.hall_id = @hall AND (@status = 'all' OR f.status = @status) ORDER BY f.due_at, f.created_at
            """,
            new { hall = catalog.HallId, status });
        var now = time.GetUtcNow().ToUnixMs();
        return TypedResults.Ok(rows.Select(r => FollowUpView.Of(catalog, r, now)).ToList());
    }

    public static async Task<Ok<FollowUpView>> CloseAsync(Guid id, CloseFollowUpRequest request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > 2000 || request.Rectification?.Length > 2000)
        {
            throw QueueProblems.AnswerRequired();
        }
        if (string.IsNullOrWhiteSpace(request.HandledBy) || request.HandledBy.Length > 100)
        {
            throw QueueProblems.HandledByRequired();
        }
        var cancellationToken = http.RequestAborted;
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var row = await FollowUpsTable.LockAsync(scope, catalog.HallId, id);
        if (row.Status != "open")
        {
            throw QueueProblems.AlreadyClosed();
        }
        row.Status = "closed";
        row.Answer = request.Answer.Trim();
        row.Rectification = string.IsNullOrWhiteSpace(request.Rectification) ? row.Rectification : request.Rectification.Trim();
        row.HandledBy = request.HandledBy.Trim();
        row.ClosedAt = now.ToUnixMs();
        await FollowUpsTable.SaveAsync(scope, row);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.FollowUpClosed, now, catalog.HallDate(now).ToKey(),
            new Actor("supervision", HallSchemes.ActingStaff(http.User) ?? row.HandledBy, row.WindowNumber), row.TicketId, row.ServiceId, row.Answer);
        await scope.CommitAsync(cancellationToken);
        return TypedResults.Ok(FollowUpView.Of(catalog, row, now.ToUnixMs()));
    }
}

/// <summary>Closing a follow-up: the answer given to the citizen, who handled it, and the 整改 taken (optional).</summary>
public sealed record CloseFollowUpRequest(string? Answer, string? HandledBy, string? Rectification = null);
