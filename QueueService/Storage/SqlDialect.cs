using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hall.QueueService.Storage;

/// <summary>
/// What SQLite and PostgreSQL say differently, in one place: the rest of the service writes one SQL text for both and
/// asks the dialect for the few words that differ. SQLite runs one writer at a time (see <see cref="QueueDatabase"/>),
/// so its row and advisory locks are no-ops; PostgreSQL runs writers side by side and needs them.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    public static SqlDialect For(DatabaseKind kind) => kind == DatabaseKind.Postgres ? Postgres : Sqlite;

    /// <summary>The dialect of an open connection, for code that holds a connection and no <see cref="QueueDatabase"/>.</summary>
    public static SqlDialect Of(DbConnection connection) => connection is NpgsqlConnection ? Postgres : Sqlite;

    public abstract DatabaseKind Kind { get; }

    /// <summary>Whether other server instances may write the same database (and hear each other's notifications).</summary>
    public abstract bool SharedByInstances { get; }

    /// <summary>Row-lock suffix for a <c>SELECT</c> whose rows the transaction will change.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// "Column is one of a list": the condition after the column. Dapper expands <c>IN @list</c> into one parameter per
    /// item on SQLite, but passes the whole array as one parameter to PostgreSQL, where it must be <c>= ANY(@list)</c>.
    /// </summary>
    public abstract string In(string parameter);

    /// <summary>The auto-numbered primary key column type of a migration's <c>{identity}</c>.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>A query for a table's column names in order, with the table name as <c>@table</c>.</summary>
    public abstract string ColumnNamesQuery { get; }

    /// <summary>Holds a lock named by a number until the write transaction ends (other instances doing the same work wait).</summary>
    public abstract Task LockForTransactionAsync(WriteScope scope, long key);

    /// <summary>The same, named by a text (a person, a phone number).</summary>
    public abstract Task LockForTransactionAsync(WriteScope scope, string key);

    /// <summary>
    /// A read-only transaction that sees one snapshot from its first read to its end, so several queries agree even
    /// while writers commit (SQLite: a deferred read transaction in WAL mode, which never holds the writer up;
    /// PostgreSQL: repeatable read).
    /// </summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default);

    private sealed class SqliteDialect : SqlDialect
    {
        public override DatabaseKind Kind => DatabaseKind.Sqlite;

        public override bool SharedByInstances => false;

        public override string ForUpdate => "";

        public override string In(string parameter) => $"IN {parameter}";

        public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

        public override string ColumnNamesQuery => "SELECT name FROM pragma_table_info(@table) ORDER BY cid";

        public override Task LockForTransactionAsync(WriteScope scope, long key) => Task.CompletedTask;

        public override Task LockForTransactionAsync(WriteScope scope, string key) => Task.CompletedTask;

        public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
            Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override DatabaseKind Kind => DatabaseKind.Postgres;

        public override bool SharedByInstances => true;

        public override string ForUpdate => " FOR UPDATE";

        public override string In(string parameter) => $"= ANY({parameter})";

        public override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

        public override string ColumnNamesQuery =>
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position";

        public override Task LockForTransactionAsync(WriteScope scope, long key) =>
            scope.Connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key }, scope.Transaction);

        public override Task LockForTransactionAsync(WriteScope scope, string key) =>
            scope.Connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key }, scope.Transaction);

        public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
            await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
    }
}
