using System.Data.Common;
using System.Net.Http.Json;
using Dapper;
using Hall.QueueService.Audit;
using Hall.QueueService.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hall.QueueService.Tests.Audit;

/// <summary>
/// What an intruder with the database (not the key) can do: plain SQL on the SQLite file, or on the PostgreSQL
/// database, through a connection of its own, beside the running server.
/// </summary>
public static class AuditDatabase
{
    public static async Task<DbConnection> OpenBehindTheServerAsync(HallServerFactory hall)
    {
        DbConnection connection = hall.Database == HallDatabase.Sqlite
            ? new SqliteConnection($"Data Source={Path.Combine(hall.DataDirectory, "queue.db")};Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(hall.Services.GetRequiredService<IConfiguration>().GetConnectionString("Queue")) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<int> ExecuteBehindTheServerAsync(HallServerFactory hall, string sql, object? args = null)
    {
        await using var connection = await OpenBehindTheServerAsync(hall);
        return await connection.ExecuteAsync(sql, args);
    }

    /// <summary>The ids of the live event rows, in order.</summary>
    public static async Task<List<long>> LiveIdsAsync(HallServerFactory hall)
    {
        await using var connection = await OpenBehindTheServerAsync(hall);
        return [.. await connection.QueryAsync<long>("SELECT id FROM events ORDER BY id")];
    }

    public static async Task<AuditVerification> VerifyAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/api/admin/audit/verify");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AuditVerification>(Json.Options))!;
    }
}
