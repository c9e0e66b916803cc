using System.Data.Common;
using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Uplink;

/// <summary>How far the hall's event record has reached the city, and how the last tries went.</summary>
public sealed class UplinkState
{
    public long LastSentId { get; set; }
    public string? LastSentHash { get; set; }
    public long? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public long? LastErrorAt { get; set; }
    public int Failures { get; set; }
}

/// <summary>The <c>uplink_state</c> row of a hall (created on its first use).</summary>
public static class UplinkStateTable
{
    public static async Task<UplinkState> ReadAsync(DbConnection connection, string hallId, DbTransaction? transaction = null) =>
        await connection.QueryFirstOrDefaultAsync<UplinkState>(
            """
            SELECT last_sent_id AS LastSentId, last_sent_hash AS LastSentHash, last_success_at AS LastSuccessAt,
                   last_error AS LastError, last_error_at AS LastErrorAt, failures AS Failures
            FROM uplink_state WHERE hall_id = @hallId
            """, new { hallId }, transaction) ?? new UplinkState();

    /// <summary>The city took everything through <paramref name="through"/>; never moves backwards (another instance may have gone further).</summary>
    public static Task MarkSentAsync(WriteScope scope, string hallId, long through, string? hash, long now) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO uplink_state (hall_id, last_sent_id, last_sent_hash, last_success_at, failures) VALUES (@hallId, @through, @hash, @now, 0)
            ON CONFLICT (hall_id) DO UPDATE SET
                last_sent_id = CASE WHEN excluded.last_sent_id >= uplink_state.last_sent_id THEN excluded.last_sent_id ELSE uplink_state.last_sent_id END,
                last_sent_hash = CASE WHEN excluded.last_sent_id >= uplink_state.last_sent_id THEN excluded.last_sent_hash ELSE uplink_state.last_sent_hash END,
                last_success_at = excluded.last_success_at, failures = 0
            """, new { hallId, through, hash, now }, scope.Transaction);

    public static Task MarkFailedAsync(WriteScope scope, string hallId, string error, long now) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO uplink_state (hall_id, last_sent_id, last_error, last_error_at, failures) VALUES (@hallId, 0, @error, @now, 1)
            ON CONFLICT (hall_id) DO UPDATE SET last_error = excluded.last_error, last_error_at = excluded.last_error_at,
                failures = uplink_state.failures + 1
            """, new { hallId, error, now }, scope.Transaction);

    /// <summary>Events of the hall not yet acknowledged by the city (archived ones too).</summary>
    public static Task<long> BacklogAsync(DbConnection connection, string hallId, long after) =>
        connection.ExecuteScalarAsync<long>(
            """
            SELECT (SELECT COUNT(*) FROM events WHERE hall_id = @hallId AND id > @after)
                 + (SELECT COUNT(*) FROM events_archive WHERE hall_id = @hallId AND id > @after)
            """, new { hallId, after });
}
