using System.Data.Common;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Statistics;

/// <summary>
/// One read of a range's history: a connection in a snapshot transaction (see <see cref="SqlDialect.BeginSnapshotAsync"/>)
/// and the tables chosen for the range by its first read. A report asks several queries; read apart, an archive run
/// committing between the choice of the live tables and the queries would leave them finding the moved days empty.
/// In one snapshot every query sees the tables as they were when the choice was made.
/// </summary>
public sealed class HistoryRead : IAsyncDisposable
{
    private HistoryRead(DbConnection connection, DbTransaction transaction, HistoryTables tables)
    {
        Connection = connection;
        Transaction = transaction;
        Tables = tables;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public HistoryTables Tables { get; }

    public static Task<HistoryRead> OpenAsync(QueueDatabase database, string hallId, HallDateRange range, CancellationToken cancellationToken = default) =>
        OpenAsync(database, (connection, transaction) => HistoryTables.ForAsync(connection, transaction, hallId, range), cancellationToken);

    /// <summary>A read of the halls' uplinked tickets and events on a city server.</summary>
    public static Task<HistoryRead> OpenCityAsync(QueueDatabase database, CancellationToken cancellationToken = default) =>
        OpenAsync(database, (_, _) => Task.FromResult(HistoryTables.City), cancellationToken);

    private static async Task<HistoryRead> OpenAsync(QueueDatabase database, Func<DbConnection, DbTransaction, Task<HistoryTables>> choose,
        CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            transaction = await database.Dialect.BeginSnapshotAsync(connection, cancellationToken);
            var tables = await choose(connection, transaction);
            return new HistoryRead(connection, transaction, tables);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the read (nothing was written: the transaction just ends) and returns the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
