using System.Data.Common;
using Dapper;
using Hall.QueueService.Security;
using Hall.QueueService.Storage;

namespace Hall.QueueService.City;

/// <summary>A hall that uplinks to this city, as stored.</summary>
public sealed class CityHallRow
{
    public string HallId { get; set; } = "";
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public long IssuedAt { get; set; }
    public long? RevokedAt { get; set; }
    public long LastEventId { get; set; }
    public string? LastHash { get; set; }
    public long? LastEventAt { get; set; }
    public long? LastBatchAt { get; set; }
    public long? Backlog { get; set; }
    public string? Profile { get; set; }
    public string? Alerts { get; set; }
    public long? RefusedAt { get; set; }
    public string? RefusedReason { get; set; }
}

/// <summary>The <c>city_halls</c> table: halls' keys (issued, revoked), how far each chain has arrived, what each last said.</summary>
public sealed class CityHallsTable(QueueDatabase database)
{
    private const string Columns =
        "hall_id AS HallId, name AS Name, key_hash AS KeyHash, issued_at AS IssuedAt, revoked_at AS RevokedAt, last_event_id AS LastEventId, " +
        "last_hash AS LastHash, last_event_at AS LastEventAt, last_batch_at AS LastBatchAt, backlog AS Backlog, profile AS Profile, alerts AS Alerts, " +
        "refused_at AS RefusedAt, refused_reason AS RefusedReason";

    /// <summary>The hall a presented key belongs to, or null when it is unknown, revoked or malformed.</summary>
    public async Task<string?> VerifyKeyAsync(string presented, CancellationToken cancellationToken)
    {
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || presented.Length > 200)
        {
            return null;
        }
        var hallId = presented[..dot];
        await using var connection = await database.OpenAsync(cancellationToken);
        var stored = await connection.QueryFirstOrDefaultAsync<string>(
            "SELECT key_hash FROM city_halls WHERE hall_id = @hallId AND revoked_at IS NULL", new { hallId });
        return stored is not null && SaltedKeyHash.Matches(presented, stored) ? hallId : null;
    }

    public async Task<IReadOnlyList<CityHallRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CityHallRow>($"SELECT {Columns} FROM city_halls ORDER BY hall_id")).ToList();
    }

    public static Task<CityHallRow?> FindAsync(DbConnection connection, string hallId, DbTransaction? transaction = null) =>
        connection.QueryFirstOrDefaultAsync<CityHallRow>($"SELECT {Columns} FROM city_halls WHERE hall_id = @hallId", new { hallId }, transaction);

    /// <summary>The hall's row, locked until the transaction ends: batches of one hall take turns, on every city instance.</summary>
    public static Task<CityHallRow?> LockAsync(WriteScope scope, string hallId) =>
        scope.Connection.QueryFirstOrDefaultAsync<CityHallRow>(
            $"UPDATE city_halls SET hall_id = hall_id WHERE hall_id = @hallId RETURNING {Columns}", new { hallId }, scope.Transaction);

    /// <summary>A new hall, or a new key for a hall whose key was revoked (its chain carries on where it was).</summary>
    public static Task<int> IssueAsync(WriteScope scope, string hallId, string name, string key, long now) =>
        scope.Connection.ExecuteAsync(
            """
            INSERT INTO city_halls (hall_id, name, key_hash, issued_at) VALUES (@hallId, @name, @hash, @now)
            ON CONFLICT (hall_id) DO UPDATE SET name = excluded.name, key_hash = excluded.key_hash, issued_at = excluded.issued_at, revoked_at = NULL
            WHERE city_halls.revoked_at IS NOT NULL
            """, new { hallId, name, hash = SaltedKeyHash.Hash(key), now }, scope.Transaction);

    public static Task<int> RevokeAsync(WriteScope scope, string hallId, long now) =>
        scope.Connection.ExecuteAsync("UPDATE city_halls SET revoked_at = @now WHERE hall_id = @hallId AND revoked_at IS NULL", new { hallId, now }, scope.Transaction);

    public static Task RecordBatchAsync(WriteScope scope, CityHallRow row) =>
        scope.Connection.ExecuteAsync(
            """
            UPDATE city_halls SET last_event_id = @LastEventId, last_hash = @LastHash, last_event_at = @LastEventAt, last_batch_at = @LastBatchAt,
                backlog = @Backlog, profile = @Profile, alerts = @Alerts
            WHERE hall_id = @HallId
            """, row, scope.Transaction);

    public static Task RecordRefusalAsync(WriteScope scope, string hallId, string reason, long now) =>
        scope.Connection.ExecuteAsync("UPDATE city_halls SET refused_at = @now, refused_reason = @reason WHERE hall_id = @hallId",
            new { hallId, reason, now }, scope.Transaction);
}
