using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hall.QueueService.Storage;

/// <summary>
/// Opens connections to the queue database and runs write transactions. SQLite has one writer at a time, so writes
/// in this process queue on a semaphore instead of failing busy; PostgreSQL relies on row locks and atomic updates,
/// so several server instances can share it.
/// </summary>
public sealed class QueueDatabase : IDisposable
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly string _connectionString;
    private readonly string _synchronous;

    static QueueDatabase()
    {
        // Columns are snake_case, row classes PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public QueueDatabase(IOptions<QueueStorageOptions> options, IConfiguration configuration)
    {
        var o = options.Value;
        Kind = o.Kind;
        _synchronous = o.SqliteSynchronous.ToUpperInvariant();
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

    /// <summary>The SQLite file, when the database is embedded.</summary>
    public string? DatabasePath { get; }

    /// <summary>Row-lock suffix for a <c>SELECT</c> whose rows the transaction will change (PostgreSQL only; SQLite already writes alone).</summary>
    public string ForUpdate => Kind == DatabaseKind.Postgres ? " FOR UPDATE" : "";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(_connectionString) : new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                using var pragma = sqlite.CreateCommand();
                // WAL lets readers run beside the writer; synchronous is per connection.
                pragma.CommandText = $"PRAGMA busy_timeout = 30000; PRAGMA synchronous = {_synchronous}; PRAGMA foreign_keys = ON;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
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
        if (Kind == DatabaseKind.Sqlite)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }
        try
        {
            var connection = await OpenAsync(cancellationToken);
            DbTransaction transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new WriteScope(connection, transaction, Kind == DatabaseKind.Sqlite ? _sqliteWriter : null);
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

    public void Dispose() => _sqliteWriter.Dispose();
}

/// <summary>One write transaction and its connection.</summary>
public sealed class WriteScope(DbConnection connection, DbTransaction transaction, SemaphoreSlim? writerLock) : IAsyncDisposable
{
    private bool _disposed;

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

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
            await Connection.DisposeAsync();
        }
        finally
        {
            writerLock?.Release();
        }
    }
}
