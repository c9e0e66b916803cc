using Dapper;
using Hall.QueueService.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Ratings.Upload;
using Hall.QueueService.Security;
using Hall.QueueService.Security.Authentication;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.FollowUps;

/// <summary>Follow-ups of bad ratings, listed for supervisors and closed with an answer.</summary>
public static class FollowUpsApi
{
    public static RouteGroupBuilder MapFollowUpsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/follow-ups").WithTags("Follow-ups").RequireSupervisor().Refuses(ProblemKind.Invalid, ProblemKind.Unauthenticated);
        group.MapGet("/", ListAsync).WithSummary("Follow-ups of bad ratings (回访/整改); status=open (default), closed or all");
        group.MapPost("/{id:guid}/close", CloseAsync).WithSummary("Close a follow-up with the answer given to the citizen").Refuses(ProblemKind.NotFound, ProblemKind.Conflict);
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
            "SELECT * FROM follow_ups WHERE hall_id = @hall AND (@status = 'all' OR status = @status) ORDER BY due_at, created_at",
            new { hall = catalog.HallId, status });
        var now = time.GetUtcNow().ToUnixMs();
        return TypedResults.Ok(rows.Select(r => View(catalog, r, now)).ToList());
    }

    public static async Task<Ok<FollowUpView>> CloseAsync(Guid id, CloseFollowUpRequest request, QueueDatabase database, HallCatalogHolder hall, TimeProvider time, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Answer) || request.Answer.Length > 2000)
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
        var row = await scope.Connection.QuerySingleOrDefaultAsync<FollowUpRow>(
            "SELECT * FROM follow_ups WHERE id = @id AND hall_id = @hall" + database.Dialect.ForUpdate, new { id = id.ToString("D"), hall = catalog.HallId }, scope.Transaction)
            ?? throw QueueProblems.UnknownFollowUp(id);
        if (row.Status != "open")
        {
            throw QueueProblems.AlreadyClosed();
        }
        row.Status = "closed";
        row.Answer = request.Answer.Trim();
        row.HandledBy = request.HandledBy.Trim();
        row.ClosedAt = now.ToUnixMs();
        await scope.Connection.ExecuteAsync(
            "UPDATE follow_ups SET status = @Status, answer = @Answer, handled_by = @HandledBy, closed_at = @ClosedAt WHERE id = @Id", row, scope.Transaction);
        await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.FollowUpClosed, now, catalog.HallDate(now).ToKey(),
            new Actor("supervision", HallSchemes.ActingStaff(http.User) ?? row.HandledBy, row.WindowNumber), row.TicketId, row.ServiceId, row.Answer);
        await RatingUploadOutbox.EnqueueAsync(scope, catalog, new ClosedFollowUp(row.TicketId, row.TicketNumber, row.Answer, row.HandledBy, now));
        await scope.CommitAsync(cancellationToken);
        return TypedResults.Ok(View(catalog, row, now.ToUnixMs()));
    }

    private static FollowUpView View(HallCatalog catalog, FollowUpRow r, long now) => new(
        Guid.Parse(r.Id),
        Guid.Parse(r.TicketId),
        r.TicketNumber,
        r.WindowNumber,
        r.WindowNumber is { } w ? catalog.WindowName(w) : null,
        r.StaffCode,
        r.StaffCode is { } s ? catalog.FindClerk(s)?.Name : null,
        r.ServiceId,
        catalog.ServiceName(r.ServiceId),
        r.Level,
        SatisfactionLevel.Of(r.Level).ChineseLabel,
        catalog.ToOffset(TimeConversions.FromUnixMs(r.CreatedAt)),
        catalog.ToOffset(TimeConversions.FromUnixMs(r.DueAt)),
        r.Status == "open" && r.DueAt < now,
        r.Status,
        r.Answer,
        r.HandledBy,
        r.ClosedAt is { } c ? catalog.ToOffset(TimeConversions.FromUnixMs(c)) : null);

    private sealed class FollowUpRow
    {
        public string Id { get; set; } = "";
        public string TicketId { get; set; } = "";
        public string TicketNumber { get; set; } = "";
        public int? WindowNumber { get; set; }
        public string? StaffCode { get; set; }
        public int ServiceId { get; set; }
        public int Level { get; set; }
        public long CreatedAt { get; set; }
        public long DueAt { get; set; }
        public string Status { get; set; } = "";
        public string? Answer { get; set; }
        public string? HandledBy { get; set; }
        public long? ClosedAt { get; set; }
    }
}

public sealed record CloseFollowUpRequest(string? Answer, string? HandledBy);

public sealed record FollowUpView(
    Guid Id, Guid TicketId, string TicketNumber, int? WindowNumber, string? WindowName, string? StaffCode, string? ClerkName,
    int ServiceId, string ServiceName, int Level, string Label, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue,
    string Status, string? Answer, string? HandledBy, DateTimeOffset? ClosedAt);
