using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Hall.Benchmarks.Baseline;

/// <summary>
/// The limit ticket issuing is compared with (<c>issueBaselinePerSecond</c>): Kestrel in a process of its own, as the
/// QueueService is, whose <c>POST /api/tickets</c> makes one SQLite insert transaction per request and nothing else,
/// with the QueueService's durability settings: WAL, <c>synchronous = NORMAL</c>, <c>secure_delete</c>, one writer
/// connection behind a lock, <c>BEGIN IMMEDIATE</c>.
/// </summary>
public static class BareIssueServer
{
    public const string Argument = "--baseline-issue-server";

    public static bool IsRequested(string[] args) => args.Contains(Argument);

    private sealed record IssueRequest(int ServiceId);

    public static async Task<int> RunAsync(string[] args)
    {
        var dataDirectory = args[Array.IndexOf(args, Argument) + 1];
        Directory.CreateDirectory(dataDirectory);
        await using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "bare.db"), Pooling = false }.ToString());
        await writer.OpenAsync();
        await using (var setup = writer.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;
                CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, service_id INTEGER NOT NULL, issued_at INTEGER NOT NULL);
                """;
            await setup.ExecuteNonQueryAsync();
        }
        using var writerLock = new SemaphoreSlim(1, 1);

        var builder = WebApplication.CreateSlimBuilder(args.Where(a => a != Argument && a != dataDirectory).ToArray());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/health", () => TypedResults.Ok());
        app.MapPost("/api/tickets", async (HttpRequest http) =>
        {
            var request = await JsonSerializer.DeserializeAsync<IssueRequest>(http.Body, JsonSerializerOptions.Web, http.HttpContext.RequestAborted);
            var id = Guid.CreateVersion7().ToString("D");
            await writerLock.WaitAsync(http.HttpContext.RequestAborted);
            try
            {
                await using var transaction = writer.BeginTransaction(deferred: false);
                await using var insert = writer.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO tickets (id, service_id, issued_at) VALUES ($id, $service, $at)";
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$service", request?.ServiceId ?? 0);
                insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync(http.HttpContext.RequestAborted);
                await transaction.CommitAsync(http.HttpContext.RequestAborted);
            }
            finally
            {
                writerLock.Release();
            }
            return TypedResults.Created($"/api/tickets/{id}", new { id, serviceId = request?.ServiceId });
        });
        await app.RunAsync();
        return 0;
    }
}
