using System.Data.Common;
using Dapper;

namespace Hall.QueueService.Storage;

/// <summary>
/// Creates and upgrades the schema by numbered scripts (<c>Storage/Migrations/V###_*.sql</c>, embedded), each applied
/// once in its own transaction and recorded in <c>schema_migrations</c>. The same scripts serve SQLite and PostgreSQL;
/// <c>{identity}</c> becomes each one's auto-numbered key.
/// </summary>
public static class SchemaMigrator
{
    private const long MigrationLock = 4242001;

    public static async Task<int> MigrateAsync(QueueDatabase database, CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (database.Kind == DatabaseKind.Sqlite)
            {
                // WAL is a property of the file: set once, kept across restarts.
                await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
            }
        }

        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var connectionInScope = scope.Connection;
        // Two instances starting together must not both migrate.
        await scope.Dialect.LockForTransactionAsync(scope, MigrationLock);
        await connectionInScope.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            transaction: scope.Transaction);
        var applied = (await connectionInScope.QueryAsync<long>("SELECT version FROM schema_migrations", transaction: scope.Transaction)).ToHashSet();
        var count = 0;
        foreach (var (version, name, sql) in Scripts())
        {
            if (applied.Contains(version))
            {
                continue;
            }
            await ExecuteScriptAsync(connectionInScope, scope.Transaction, sql.Replace("{identity}", scope.Dialect.IdentityColumn, StringComparison.Ordinal));
            await connectionInScope.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, scope.Transaction);
            count++;
        }
        await scope.CommitAsync(cancellationToken);
        return count;
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "Hall.QueueService.Storage.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^4];
            var version = int.Parse(name[1..4], System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, name, reader.ReadToEnd());
        }
    }

    private static async Task ExecuteScriptAsync(DbConnection connection, DbTransaction transaction, string script)
    {
        foreach (var statement in StripComments(script).Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            await connection.ExecuteAsync(statement, transaction: transaction);
        }
    }

    private static string StripComments(string script) =>
        string.Join('\n', script.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
}
