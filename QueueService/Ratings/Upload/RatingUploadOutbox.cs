using System.Data.Common;
using System.Text.Json;
using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Ratings.Upload;

/// <summary>A row of <c>rating_uploads</c>.</summary>
public sealed class RatingUploadRow
{
    public long Seq { get; set; }
    public string Id { get; set; } = "";
    public string HallId { get; set; } = "";
    public string TicketId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public long CreatedAt { get; set; }
    public int Attempts { get; set; }
    public long? NextTryAt { get; set; }
    public string? LastError { get; set; }
    public long? SentAt { get; set; }
}

/// <summary>The upload backlog for the dashboard.</summary>
public sealed record RatingUploadBacklog(long Unsent, long? OldestUnsentAt, string? LastError, long? LastSentAt, long Sent);

/// <summary>
/// The SQL of <c>rating_uploads</c>. Rows are written whether or not <c>Ratings:UploadUrl</c> is set, and sent only
/// while it is: a hall that turns the upload on later (or loses the setting for a while) still sends every rating it
/// recorded, and a rectification always finds its rating's record id.
/// </summary>
public static class RatingUploadOutbox
{
    /// <summary>The rating just saved on <paramref name="ticket"/>, in the rating's transaction.</summary>
    public static Task EnqueueAsync(WriteScope scope, HallCatalog catalog, TicketRow ticket, string? channel = null)
    {
        var id = Guid.CreateVersion7().ToString("D");
        var level = SatisfactionLevel.Of(ticket.RatingLevel ?? throw new InvalidOperationException("The ticket has no rating."));
        var ratedAt = TimeConversions.FromUnixMs(ticket.RatedAt ?? throw new InvalidOperationException("The ticket has no rating time."));
        var payload = new RatingUploadPayload(id, RatingUploadKinds.Rating, catalog.HallId, catalog.Definition.Name, ticket.Id, ticket.Number,
            ticket.ServiceId, catalog.ServiceName(ticket.ServiceId), ticket.WindowNumber, ticket.WindowNumber is { } w ? catalog.WindowName(w) : null,
            ticket.StaffCode, level.Value, level.ChineseLabel, catalog.ToOffset(ratedAt), channel, Reasons(catalog, level.Value, ticket.RatingReasons));
        return InsertAsync(scope, id, catalog.HallId, ticket.Id, RatingUploadKinds.Rating, JsonSerializer.Serialize(payload, RatingUploadJson.Options), ratedAt.ToUnixMs());
    }

    private static List<UploadedReason>? Reasons(HallCatalog catalog, int level, string? column)
    {
        var codes = RatingReasons.FromColumn(column);
        if (codes.Count == 0)
        {
            return null;
        }
        var options = RatingReasons.OptionsOf(catalog, level);
        return codes.Select(code => new UploadedReason(code, options.FirstOrDefault(o => o.Code == code)?.Text ?? code)).ToList();
    }

    /// <summary>The rectification of a closed follow-up, in the close's transaction; it names the rating's record.</summary>
    public static async Task EnqueueAsync(WriteScope scope, HallCatalog catalog, ClosedFollowUp closed)
    {
        var id = Guid.CreateVersion7().ToString("D");
        var ratingId = await scope.Connection.QuerySingleOrDefaultAsync<string>(
            "SELECT id FROM rating_uploads WHERE ticket_id = @ticketId AND kind = @kind",
            new { ticketId = closed.TicketId, kind = RatingUploadKinds.Rating }, scope.Transaction);
        var payload = new RectificationUploadPayload(id, RatingUploadKinds.Rectification, ratingId, catalog.HallId, catalog.Definition.Name,
            closed.TicketId, closed.TicketNumber, closed.Answer, closed.HandledBy, catalog.ToOffset(closed.ClosedAt));
        await InsertAsync(scope, id, catalog.HallId, closed.TicketId, RatingUploadKinds.Rectification, JsonSerializer.Serialize(payload, RatingUploadJson.Options), closed.ClosedAt.ToUnixMs());
    }

    private static Task<int> InsertAsync(WriteScope scope, string id, string hallId, string ticketId, string kind, string payload, long createdAt) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO rating_uploads (id, hall_id, ticket_id, kind, payload, created_at, attempts, next_try_at)
            VALUES (@id, @hallId, @ticketId, @kind, @payload, @createdAt, 0, @createdAt)
            ON CONFLICT (ticket_id, kind) DO NOTHING
            """,
            new { id, hallId, ticketId, kind, payload, createdAt }, scope.Transaction);

    /// <summary>The first unsent record in creation order: the only one that may be sent next.</summary>
    public static Task<RatingUploadRow?> HeadAsync(DbConnection connection) =>
        connection.QueryFirstOrDefaultAsync<RatingUploadRow>("SELECT * FROM rating_uploads WHERE sent_at IS NULL ORDER BY seq LIMIT 1");

    /// <summary>
    /// Takes the record for one try, unless another instance took it since it was read; the try is counted now, so a
    /// crash while sending still counts it.
    /// </summary>
    public static async Task<bool> TryClaimAsync(WriteScope scope, RatingUploadRow row, long leaseUntil) =>
        await scope.Connection.ExecuteAsync(
            "UPDATE rating_uploads SET next_try_at = @leaseUntil, attempts = attempts + 1 WHERE id = @id AND sent_at IS NULL AND next_try_at = @seen",
            new { id = row.Id, seen = row.NextTryAt, leaseUntil }, scope.Transaction) == 1;

    public static Task MarkSentAsync(WriteScope scope, string id, long at) =>
        scope.Connection.ExecuteAsync(
            "UPDATE rating_uploads SET sent_at = @at, next_try_at = NULL WHERE id = @id",
            new { id, at }, scope.Transaction);

    public static Task MarkFailedAsync(WriteScope scope, string id, long nextTryAt, string error) =>
        scope.Connection.ExecuteAsync(
            "UPDATE rating_uploads SET next_try_at = @nextTryAt, last_error = @error WHERE id = @id AND sent_at IS NULL",
            new { id, nextTryAt, error }, scope.Transaction);

    public static async Task<RatingUploadBacklog> BacklogAsync(DbConnection connection, string hallId)
    {
        var (unsent, oldest, lastSent, sent) = await connection.QuerySingleAsync<(long, long?, long?, long)>(
            """
            SELECT COALESCE(SUM(CASE WHEN sent_at IS NULL THEN 1 ELSE 0 END), 0),
                   MIN(CASE WHEN sent_at IS NULL THEN created_at END),
                   MAX(sent_at),
                   COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0)
            FROM rating_uploads WHERE hall_id = @hallId
            """,
            new { hallId });
        // The error that holds the queue up is the head's; once it is sent, older errors no longer matter.
        var lastError = await connection.QueryFirstOrDefaultAsync<string?>(
            "SELECT last_error FROM rating_uploads WHERE hall_id = @hallId AND sent_at IS NULL ORDER BY seq LIMIT 1", new { hallId });
        return new RatingUploadBacklog(unsent, oldest, lastError, lastSent, sent);
    }
}
