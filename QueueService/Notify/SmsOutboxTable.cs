using System.Data.Common;
using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Notify;

/// <summary>Kinds of text message.</summary>
public static class SmsKinds
{
    public const string Near = "near";
    public const string Called = "called";
}

/// <summary>A row of <c>sms_outbox</c>.</summary>
public sealed class SmsMessageRow
{
    public long Id { get; set; }
    public string HallId { get; set; } = "";
    public string HallDate { get; set; } = "";
    public string TicketId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Phone { get; set; }
    public string PhoneMasked { get; set; } = "";
    public string Text { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public long CreatedAt { get; set; }
    public int Attempts { get; set; }
    public long? NextAttemptAt { get; set; }
    public long? SentAt { get; set; }
    public long? FailedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// The SQL of <c>sms_outbox</c>. A row is written once per ticket and kind (the unique index, whichever instance
/// writes), claimed by one instance at a time by moving its <c>next_attempt_at</c> forward, and settled by clearing it.
/// </summary>
public static class SmsOutboxTable
{
    public static string KeyOf(string ticketId, string kind) => $"ticket-{ticketId}-{kind}";

    /// <summary>Writes the row unless the ticket already has one of this kind; true when written.</summary>
    public static async Task<bool> EnqueueAsync(WriteScope scope, SmsMessageRow row) =>
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO sms_outbox (hall_id, hall_date, ticket_id, kind, phone, phone_masked, text, idempotency_key, created_at, attempts, next_attempt_at)
            VALUES (@HallId, @HallDate, @TicketId, @Kind, @Phone, @PhoneMasked, @Text, @IdempotencyKey, @CreatedAt, 0, @CreatedAt)
            ON CONFLICT (ticket_id, kind) DO NOTHING
            """,
            row, scope.Transaction) == 1;

    public static async Task<IReadOnlyList<SmsMessageRow>> DueAsync(DbConnection connection, long now, int limit) =>
        (await connection.QueryAsync<SmsMessageRow>(
            "SELECT * FROM sms_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @limit",
            new { now, limit })).ToList();

    /// <summary>
    /// Takes the row for one try: only if no other instance (or an earlier run of this one) took it since it was read.
    /// The try is counted now, so a crash while sending still counts it.
    /// </summary>
    public static async Task<bool> TryClaimAsync(WriteScope scope, SmsMessageRow row, long leaseUntil) =>
        await scope.Connection.ExecuteAsync(
            "UPDATE sms_outbox SET next_attempt_at = @leaseUntil, attempts = attempts + 1 WHERE id = @id AND next_attempt_at = @seen",
            new { id = row.Id, seen = row.NextAttemptAt, leaseUntil }, scope.Transaction) == 1;

    public static Task MarkSentAsync(WriteScope scope, long id, long at) =>
        scope.Connection.ExecuteAsync(
            "UPDATE sms_outbox SET sent_at = @at, next_attempt_at = NULL, phone = NULL, last_error = NULL WHERE id = @id",
            new { id, at }, scope.Transaction);

    public static Task MarkFailedAsync(WriteScope scope, long id, long nextAttemptAt, string error) =>
        scope.Connection.ExecuteAsync(
            "UPDATE sms_outbox SET next_attempt_at = @nextAttemptAt, last_error = @error WHERE id = @id AND next_attempt_at IS NOT NULL",
            new { id, nextAttemptAt, error }, scope.Transaction);

    /// <summary>Stops trying: the message no longer helps (the day is over, or it waited too long).</summary>
    public static Task GiveUpAsync(WriteScope scope, long id, long at, string error) =>
        scope.Connection.ExecuteAsync(
            "UPDATE sms_outbox SET failed_at = @at, next_attempt_at = NULL, phone = NULL, last_error = @error WHERE id = @id",
            new { id, at, error }, scope.Transaction);

    /// <summary>Messages not yet settled, and those given up, hall-wide.</summary>
    public static (long Backlog, long GivenUp) Counts(DbConnection connection, string hallId) =>
        connection.QuerySingle<(long, long)>(
            """
            SELECT COALESCE(SUM(CASE WHEN next_attempt_at IS NOT NULL THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0)
            FROM sms_outbox WHERE hall_id = @hallId
            """,
            new { hallId });

    /// <summary>Erases the phones (and texts, which name the ticket) of messages before a hall date (retention).</summary>
    public static Task<int> EraseBeforeAsync(WriteScope scope, string hallId, string before) =>
        scope.Connection.ExecuteAsync(
            "UPDATE sms_outbox SET phone = NULL, phone_masked = '', text = '', next_attempt_at = NULL WHERE hall_id = @hallId AND hall_date < @before AND (phone IS NOT NULL OR phone_masked <> '')",
            new { hallId, before }, scope.Transaction);

    /// <summary>
    /// Erases the messages of one person (by the phone's keyed hash on the consent, or their ID number's tickets), before
    /// the consents lose that hash; one still unsent is not sent.
    /// </summary>
    public static Task<int> ErasePersonAsync(WriteScope scope, string hallId, string? phoneHash, string? idHash) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE sms_outbox SET phone = NULL, phone_masked = '', text = '', next_attempt_at = NULL
            WHERE hall_id = @hallId AND (phone IS NOT NULL OR phone_masked <> '')
              AND (ticket_id IN (SELECT ticket_id FROM sms_consents WHERE hall_id = @hallId AND phone_hash = @phoneHash)
                   OR ticket_id IN (SELECT id FROM tickets WHERE hall_id = @hallId AND id_hash = @idHash))
            """,
            new { hallId, phoneHash, idHash }, scope.Transaction);
}
