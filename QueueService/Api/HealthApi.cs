using Dapper;
using Hall.QueueService.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hall.QueueService.Api;

/// <summary>
/// <c>/health</c>: the process is up and started (liveness). <c>/health/ready</c>: it can reach its database right now
/// (readiness, for a reverse proxy or orchestrator to stop sending requests to an instance that lost PostgreSQL).
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ready" })).WithTags("Health").ExcludeFromDescription();
        app.MapGet("/health/ready", ReadyAsync).WithTags("Health").ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<ReadyStatus>, JsonHttpResult<ReadyStatus>>> ReadyAsync(QueueDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>("SELECT 1");
            return TypedResults.Ok(new ReadyStatus("ready", database.Kind.ToString().ToLowerInvariant()));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return TypedResults.Json(new ReadyStatus("databaseUnreachable", database.Kind.ToString().ToLowerInvariant()), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public sealed record ReadyStatus(string Status, string Database);
}
