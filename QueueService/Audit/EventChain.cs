using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Audit;

/// <summary>
/// Appends event rows to the chain. The head row (<c>audit_chain_head</c>) is locked by an UPDATE before the row is
/// inserted and holds until the transaction ends, so appends of every writer and every instance on one PostgreSQL
/// database take turns and ids grow in chain order; on SQLite the single writer already serialises them.
/// </summary>
public static class EventChain
{
    /// <summary>Inserts <paramref name="row"/> into <c>events</c> with its link to the chain's end, and moves the end to it.</summary>
    public static async Task AppendAsync(WriteScope scope, AuditKey key, ChainedEvent row)
    {
        var head = await LockHeadAsync(scope);
        row.Hash = row.Link(key, head.LastHash);
        row.Id = await scope.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO events (hall_id, ticket_id, kind, at, hall_date, window_number, staff_code, device, service_id, detail, hash)
            VALUES (@HallId, @TicketId, @Kind, @At, @HallDate, @WindowNumber, @StaffCode, @Device, @ServiceId, @Detail, @Hash)
            RETURNING id
            """,
            row, scope.Transaction);
        await MoveHeadAsync(scope, row.Id, row.Hash);
    }

    /// <summary>
    /// Chains the rows written before the chain existed (migration V010), once, with the key at hand at start-up:
    /// afterwards verify is ok on an upgraded database. Rows added later without a hash stay unchained.
    /// </summary>
    public static async Task<int> ChainEarlierRowsAsync(QueueDatabase database, AuditKey key, CancellationToken cancellationToken)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var head = await LockHeadAsync(scope);
        if (head.LegacyThrough == 0)
        {
            return 0;
        }
        var previous = head.LastHash;
        var lastId = head.LastEventId;
        var range = new { through = head.LegacyThrough, after = head.LastEventId };
        var archived = (await scope.Connection.QueryAsync<long>(
            "SELECT id FROM events_archive WHERE id <= @through AND id > @after", range, scope.Transaction)).ToHashSet();
        var rows = (await scope.Connection.QueryAsync<ChainedEvent>(
            ChainedEvent.AllRows + " WHERE id <= @through AND id > @after ORDER BY id", range, scope.Transaction)).ToList();
        foreach (var row in rows)
        {
            row.Hash = row.Link(key, previous);
            var table = archived.Contains(row.Id) ? "events_archive" : "events";
            await scope.Connection.ExecuteAsync($"UPDATE {table} SET hash = @Hash WHERE id = @Id", row, scope.Transaction);
            previous = row.Hash;
            lastId = row.Id;
        }
        await scope.Connection.ExecuteAsync(
            "UPDATE audit_chain_head SET last_event_id = @lastId, last_hash = @previous, legacy_through = 0 WHERE id = 1",
            new { lastId, previous }, scope.Transaction);
        await scope.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>The chain's end, read and row-locked until the transaction ends.</summary>
    private static async Task<(long LastEventId, string? LastHash, long LegacyThrough)> LockHeadAsync(WriteScope scope) =>
        await scope.Connection.QuerySingleAsync<(long LastEventId, string? LastHash, long LegacyThrough)>(
            "UPDATE audit_chain_head SET last_event_id = last_event_id WHERE id = 1 RETURNING last_event_id, last_hash, legacy_through",
            transaction: scope.Transaction);

    private static Task<int> MoveHeadAsync(WriteScope scope, long id, string hash) =>
        scope.Connection.ExecuteAsync("UPDATE audit_chain_head SET last_event_id = @id, last_hash = @hash WHERE id = 1", new { id, hash }, scope.Transaction);
}
