using System.Data;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Audit;

/// <summary>What verify found: how many rows it checked and the first that does not fit (null when all do).</summary>
public sealed record AuditVerification(bool Ok, long Events, long? FirstBadEventId);

/// <summary>
/// Walks every event row, archived and live, in id order, recomputing each row's link from the row before it. A row
/// changed or inserted behind the server's back carries a hash that does not fit; a removed row breaks the link of
/// the row after it; a removed last row leaves the chain's end (<c>audit_chain_head</c>) naming a row that is gone.
/// </summary>
public sealed class AuditVerifier(QueueDatabase database)
{
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => VerifyAsync(database, database.AuditKey, cancellationToken);

    /// <summary>Verifies with a given key (the <c>verify-audit</c> command reads it from the auditor's file).</summary>
    public static async Task<AuditVerification> VerifyAsync(QueueDatabase database, AuditKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot for the head and the rows, so appends while verify reads do not look like gaps.
        await using var transaction = await database.Dialect.BeginSnapshotAsync(connection, cancellationToken);
        var head = await connection.QuerySingleAsync<(long LastEventId, string? LastHash, long LegacyThrough)>(
            "SELECT last_event_id, last_hash, legacy_through FROM audit_chain_head WHERE id = 1", transaction: transaction);
        string? previous = null;
        long checkedRows = 0;
        long? firstBad = null;
        long lastId = 0;
        // Streamed: the whole history (archive included) need not fit in memory at once.
        await foreach (var row in connection.QueryUnbufferedAsync<ChainedEvent>(ChainedEvent.AllRows + " ORDER BY id", transaction: transaction)
            .WithCancellation(cancellationToken))
        {
            checkedRows++;
            if (firstBad is null && !Fits(row.Hash, row.Link(key, previous)))
            {
                firstBad = row.Id;
            }
            // Go on from the stored hash: only the first misfit is named, the count covers every row.
            previous = row.Hash;
            lastId = row.Id;
        }
        if (firstBad is null && (head.LastEventId != lastId || !string.Equals(head.LastHash, previous, StringComparison.Ordinal)))
        {
            // The rows end before the chain does: the last rows were removed.
            firstBad = Math.Max(head.LastEventId, lastId);
        }
        return new AuditVerification(firstBad is null, checkedRows, firstBad);
    }

    private static bool Fits(string? stored, string expected) =>
        stored is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(expected));
}
