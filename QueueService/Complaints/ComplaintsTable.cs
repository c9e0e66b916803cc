using System.Data.Common;
using Dapper;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Complaints;

/// <summary>A row of <c>complaints</c>.</summary>
public sealed class ComplaintRow
{
    public string Id { get; set; } = "";
    public string HallId { get; set; } = "";
    public string Channel { get; set; } = "";
    public int? WindowNumber { get; set; }
    public string? StaffCode { get; set; }
    public string? TicketId { get; set; }
    public string? TicketNumber { get; set; }
    public string Content { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactPhoneMasked { get; set; }
    /// <summary>1 for a complex complaint (an integer column on both databases).</summary>
    public long Complex { get; set; }
    public string Status { get; set; } = "";
    public long CreatedAt { get; set; }
    public long DueAt { get; set; }
    public string? Answer { get; set; }
    public string? AnswerChannel { get; set; }
    public long? AnsweredAt { get; set; }
    public string? EscalatedTo { get; set; }
    public long? EscalatedAt { get; set; }
    public long? ClosedAt { get; set; }
    public string? InvalidReason { get; set; }
    public string? HandledBy { get; set; }
}

/// <summary>The SQL of the <c>complaints</c> table; statuses are bound as parameters.</summary>
public static class ComplaintsTable
{
    private static readonly string[] Finished = [ComplaintStatuses.Closed, ComplaintStatuses.Invalid];

    public static Task InsertAsync(WriteScope scope, ComplaintRow row) => scope.Connection.ExecuteAsync(
        """
        INSERT INTO complaints (id, hall_id, channel, window_number, staff_code, ticket_id, ticket_number, content, contact_name, contact_phone,
            contact_phone_masked, complex, status, created_at, due_at)
        VALUES (@Id, @HallId, @Channel, @WindowNumber, @StaffCode, @TicketId, @TicketNumber, @Content, @ContactName, @ContactPhone,
            @ContactPhoneMasked, @ComplexFlag, @Status, @CreatedAt, @DueAt)
        """,
        new
        {
            row.Id, row.HallId, row.Channel, row.WindowNumber, row.StaffCode, row.TicketId, row.TicketNumber, row.Content, row.ContactName, row.ContactPhone,
            row.ContactPhoneMasked, ComplexFlag = row.Complex, row.Status, row.CreatedAt, row.DueAt,
        },
        scope.Transaction);

    public static Task<ComplaintRow?> FindForUpdateAsync(WriteScope scope, SqlDialect dialect, string hallId, Guid id) =>
        scope.Connection.QuerySingleOrDefaultAsync<ComplaintRow>(
            "SELECT * FROM complaints WHERE id = @id AND hall_id = @hallId" + dialect.ForUpdate, new { id = id.ToString("D"), hallId }, scope.Transaction);

    public static Task<ComplaintRow?> FindAsync(DbConnection connection, string hallId, Guid id) =>
        connection.QuerySingleOrDefaultAsync<ComplaintRow>("SELECT * FROM complaints WHERE id = @id AND hall_id = @hallId", new { id = id.ToString("D"), hallId });

    public static Task UpdateAsync(WriteScope scope, ComplaintRow row) => scope.Connection.ExecuteAsync(
        """
        UPDATE complaints SET status = @Status, answer = @Answer, answer_channel = @AnswerChannel, answered_at = @AnsweredAt,
            escalated_to = @EscalatedTo, escalated_at = @EscalatedAt, closed_at = @ClosedAt, invalid_reason = @InvalidReason, handled_by = @HandledBy
        WHERE id = @Id
        """,
        row, scope.Transaction);

    /// <summary>open: not yet closed or invalid; overdue: open and past due; closed: closed or invalid; all.</summary>
    public static Task<IEnumerable<ComplaintRow>> ListAsync(DbConnection connection, string hallId, string filter, long now) => connection.QueryAsync<ComplaintRow>(
        filter switch
        {
            "open" => "SELECT * FROM complaints WHERE hall_id = @hallId AND status <> @closed AND status <> @invalid ORDER BY due_at, created_at",
            "overdue" => "SELECT * FROM complaints WHERE hall_id = @hallId AND status <> @closed AND status <> @invalid AND due_at < @now ORDER BY due_at, created_at",
            "closed" => "SELECT * FROM complaints WHERE hall_id = @hallId AND (status = @closed OR status = @invalid) ORDER BY closed_at DESC",
            _ => "SELECT * FROM complaints WHERE hall_id = @hallId ORDER BY created_at DESC",
        },
        new { hallId, now, closed = Finished[0], invalid = Finished[1] });

    /// <summary>Open complaints past their due time (for the alert monitor).</summary>
    public static Task<IEnumerable<ComplaintRow>> OverdueAsync(DbConnection connection, string hallId, long now) => ListAsync(connection, hallId, "overdue", now);

    /// <summary>Erases contact names and phones of complaints that came in before <paramref name="beforeMs"/>.</summary>
    public static Task<int> EraseBeforeAsync(WriteScope scope, string hallId, long beforeMs) => scope.Connection.ExecuteAsync(
        """
        UPDATE complaints SET contact_name = NULL, contact_phone = NULL, contact_phone_masked = NULL
        WHERE hall_id = @hallId AND created_at < @beforeMs AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL OR contact_phone_masked IS NOT NULL)
        """,
        new { hallId, beforeMs }, scope.Transaction);

    public static DateTimeOffset At(long ms) => TimeConversions.FromUnixMs(ms);
}
