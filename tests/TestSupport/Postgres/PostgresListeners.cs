using Npgsql;

namespace Hall.TestSupport.Postgres;

/// <summary>Instances that scale out through PostgreSQL hold a <c>LISTEN</c> connection once they are ready for other instances' events.</summary>
public static class PostgresListeners
{
    /// <summary>Waits (bounded) until <paramref name="count"/> connections on the database are listening.</summary>
    public static async Task WaitForAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var query = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'", connection);
            return (long)(await query.ExecuteScalarAsync())! >= count;
        }, TestTimeouts.Slow, () => $"{count} instances did not LISTEN within {TestTimeouts.Slow.TotalSeconds:0} s");
    }
}
