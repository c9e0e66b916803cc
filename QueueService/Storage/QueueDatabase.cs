using System.Data;
using System.Data.Common;
using Hall.QueueService.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hall.QueueService.Storage;

/// <summary>
/// Opens connections to the queue database and runs write transactions. SQLite has one writer at a time, so writes
/// in this process queue on a semaphore over one long-lived writer connection (set up once, never reopened per
/// write); readers use pooled connections beside it (WAL). PostgreSQL relies on row locks and atomic updates, so
/// several server instances can share it.
/// </summary>
public sealed class QueueDatabase : IDisposable
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly Lazy<AuditKey> _auditKey;
    private SqliteConnection? _sqliteWriterConnection;
    private int _writersWaiting;

    static QueueDatabase()
    {
        // Columns are snake_case, row classes PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public QueueDatabase(IOptions<QueueStorageOptions> options, IConfiguration configuration)
    {
        var o = options.Value;
        Kind = o.Kind;
        Dialect = SqlDialect.For(Kind);
        _synchronous = o.SqliteSynchronous.ToUpperInvariant();
        _auditKey = new Lazy<AuditKey>(() => AuditKey.Load(configuration));
        if (Kind == DatabaseKind.Sqlite)
        {
            var directory = Path.GetFullPath(o.DataDirectory);
            Directory.CreateDirectory(directory);
            DatabasePath = Path.Combine(directory, "queue.db");
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
        }
        else
        {
            _connectionString = configuration.GetConnectionString("Queue")
                ?? throw new InvalidOperationException("ConnectionStrings:Queue is required when Queue:Database is 'postgres'.");
        }
    }

    public DatabaseKind Kind { get; }

    /// <summary>Writes of this process waiting for the SQLite writer (the metric of a busy embedded database).</summary>
    public int WritersWaiting => Volatile.Read(ref _writersWaiting);

    /// <summary>The secret that keys the event chain (电子监察), read on first use: the first write, at start-up.</summary>
    public AuditKey AuditKey => _auditKey.Value;

    /// <summary>The SQLite file, when the database is embedded.</summary>
    public string? DatabasePath { get; }

    /// <summary>The words of SQL that differ between the two databases.</summary>
    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(_connectionString) : new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a write transaction; commit it with <see cref="WriteScope.CommitAsync"/>, otherwise it rolls back.</summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var auditKey = AuditKey;
        if (Kind == DatabaseKind.Sqlite)
        {
            Interlocked.Increment(ref _writersWaiting);
            try
            {
                await _sqliteWriter.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _writersWaiting);
            }
        }
        try
        {
            if (Kind == DatabaseKind.Sqlite)
            {
                var writer = await SqliteWriterAsync(cancellationToken);
                return new WriteScope(writer, writer.BeginTransaction(deferred: false), ownsConnection: false, _sqliteWriter, OnSqliteWriteFailed)
                {
                    AuditKey = auditKey,
                    Dialect = Dialect,
                };
            }
            var connection = await OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new WriteScope(connection, transaction, ownsConnection: true, writerLock: null, onFailure: null) { AuditKey = auditKey, Dialect = Dialect };
        }
        catch
        {
            if (Kind == DatabaseKind.Sqlite)
            {
                _sqliteWriter.Release();
            }
            throw;
        }
    }

    /// <summary>The one SQLite writer connection, opened on first use (under the writer lock) and after a failure.</summary>
    private async Task<SqliteConnection> SqliteWriterAsync(CancellationToken cancellationToken)
    {
        if (_sqliteWriterConnection is { State: ConnectionState.Open } open)
        {
            return open;
        }
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using (var pragma = connection.CreateCommand())
        {
            // synchronous is per connection: NORMAL in WAL survives any process crash; FULL also a power cut.
            // secure_delete zeroes what an update or delete frees, so erased personal data leaves no copy in the file.
            pragma.CommandText = $"PRAGMA busy_timeout = 30000; PRAGMA synchronous = {_synchronous}; PRAGMA secure_delete = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        _sqliteWriterConnection = connection;
        return connection;
    }

    /// <summary>
    /// SQLite keeps the pages a transaction replaced in its write-ahead log until a checkpoint: after erasing personal
    /// data, checkpoint and truncate the log so the erased values are gone from the disk too. A reader still holding
    /// an old snapshot keeps the log for now; the next erasure tries again. Nothing to do on PostgreSQL (its dead
    /// rows are not readable through the database and vacuum reclaims them).
    /// </summary>
    public async Task TruncateWriteAheadLogAsync(CancellationToken cancellationToken = default)
    {
        if (Kind != DatabaseKind.Sqlite)
        {
            return;
        }
        await _sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            var writer = await SqliteWriterAsync(cancellationToken);
            using var checkpoint = writer.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }

    /// <summary>After an error the writer connection may be unusable (disk full, file replaced): start afresh next time.</summary>
    private void OnSqliteWriteFailed()
    {
        _sqliteWriterConnection?.Dispose();
        _sqliteWriterConnection = null;
    }

    public void Dispose()
    {
        _sqliteWriterConnection?.Dispose();
        _sqliteWriter.Dispose();
    }
}

/// <summary>One write transaction and its connection. Disposing without a commit rolls back.</summary>
public sealed class WriteScope(DbConnection connection, DbTransaction transaction, bool ownsConnection, SemaphoreSlim? writerLock, Action? onFailure)
    : IAsyncDisposable
{
    private bool _disposed;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>The key event rows written in this transaction are chained with.</summary>
    public required AuditKey AuditKey { get; init; }

    /// <summary>The database's words for what SQLite and PostgreSQL say differently.</summary>
    public required SqlDialect Dialect { get; init; }

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            await Transaction.DisposeAsync();
            if (ownsConnection)
            {
                await Connection.DisposeAsync();
            }
        }
        catch
        {
            onFailure?.Invoke();
            throw;
        }
        finally
        {
            writerLock?.Release();
        }
    }
}
