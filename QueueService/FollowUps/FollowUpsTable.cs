using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.FollowUps;

/// <summary>The SQL of <c>follow_ups</c>: one row per bad rating, with its 回访, 整改, answer and appeal.</summary>
public static class FollowUpsTable
{
    /// <summary>Follow-ups (as <c>f</c>) with the reasons of their ticket while it is live.</summary>
    public const string SelectWithReasons = "SELECT f.*, t.rating_reasons FROM follow_ups f LEFT JOIN tickets t ON t.id = f.ticket_id";

    /// <summary>The follow-up, locked for this transaction; 404 when the hall has none by that id.</summary>
    public static async Task<FollowUpRow> LockAsync(WriteScope scope, string hallId, Guid id) =>
        await scope.Connection.QuerySingleOrDefaultAsync<FollowUpRow>(
            "SELECT * FROM follow_ups WHERE id = @id AND hall_id = @hall" + scope.Dialect.ForUpdate, new { id = id.ToString("D"), hall = hallId }, scope.Transaction)
        ?? throw QueueProblems.UnknownFollowUp(id);

    public static Task SaveAsync(WriteScope scope, FollowUpRow row) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE follow_ups SET status = @Status, answer = @Answer, handled_by = @HandledBy, closed_at = @ClosedAt,
                visit_at = @VisitAt, visit_channel = @VisitChannel, visit_by = @VisitBy, visit_note = @VisitNote, rectification = @Rectification,
                appeal_reason = @AppealReason, appealed_at = @AppealedAt, review_upheld = @ReviewUpheld, review_note = @ReviewNote,
                reviewed_by = @ReviewedBy, reviewed_at = @ReviewedAt
            WHERE id = @Id
            """, row, scope.Transaction);

    /// <summary>An upheld appeal takes the rating out of the figures, wherever its ticket now lives (live or archived).</summary>
    public static async Task ExcludeRatingAsync(WriteScope scope, string ticketId)
    {
        await scope.Connection.ExecuteAsync("UPDATE tickets SET rating_excluded = 1 WHERE id = @ticketId", new { ticketId }, scope.Transaction);
        await scope.Connection.ExecuteAsync("UPDATE tickets_archive SET rating_excluded = 1 WHERE id = @ticketId", new { ticketId }, scope.Transaction);
    }
}

/// <summary>A row of <c>follow_ups</c>.</summary>
public sealed class FollowUpRow
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
    public long? VisitAt { get; set; }
    public string? VisitChannel { get; set; }
    public string? VisitBy { get; set; }
    public string? VisitNote { get; set; }
    public string? Rectification { get; set; }
    public string? AppealReason { get; set; }
    public long? AppealedAt { get; set; }
    public int? ReviewUpheld { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewedBy { get; set; }
    public long? ReviewedAt { get; set; }
    /// <summary>The rated ticket's reasons, when the list joins them in (a live ticket's; not stored on the follow-up).</summary>
    public string? RatingReasons { get; set; }
}
