using System.Data.Common;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>
/// People ahead and expected minutes for a ticket: the recent service times of its service (today's last finished
/// tickets, or the service's typical time before there are any) spread over the windows now open for it.
/// </summary>
public static class WaitEstimator
{
    private const int RecentSample = 20;

    /// <summary>Waiting tickets of the service called before a ticket of <paramref name="priorityClass"/> issued at <paramref name="issuedAt"/> (ties by number, as the selector orders).</summary>
    public static Task<int> CountAheadAsync(DbConnection connection, DbTransaction? transaction, string hallId, string hallDate,
        int serviceId, int priorityClass, long issuedAt, string number, DateTimeOffset now) =>
        connection.ExecuteScalarAsync<int>(
            $"""
            SELECT COUNT(*) FROM tickets
            WHERE hall_id = @hallId AND hall_date = @hallDate AND status = 0 AND service_id = @serviceId
              AND ({NextTicketSelector.EffectiveClass} < @cls
                   OR ({NextTicketSelector.EffectiveClass} = @cls AND (issued_at < @issuedAt OR (issued_at = @issuedAt AND number < @number))))
            """,
            new { hallId, hallDate, serviceId, cls = priorityClass, issuedAt, number, now = now.ToUnixMs() },
            transaction);

    public static async Task<int> EstimateMinutesAsync(DbConnection connection, DbTransaction? transaction, HallCatalog catalog,
        ServiceDefinition service, int ahead, string hallDate)
    {
        if (ahead == 0)
        {
            return 0;
        }
        var recent = (await connection.QueryAsync<long>(
            """
            SELECT finished_at - started_at FROM tickets
            WHERE hall_id = @hall AND hall_date = @hallDate AND service_id = @serviceId AND status = 3
              AND started_at IS NOT NULL AND finished_at IS NOT NULL
            ORDER BY finished_at DESC LIMIT @sample
            """,
            new { hall = catalog.HallId, hallDate, serviceId = service.Id, sample = RecentSample },
            transaction)).ToList();
        var serviceSeconds = recent.Count >= 3
            ? recent.Average() / 1000.0
            : service.TypicalServiceMinutes * 60.0;

        var serving = catalog.WindowsServing(service.Id);
        var open = serving.Count == 0 ? 0 : await connection.ExecuteScalarAsync<int>(
            $"SELECT COUNT(*) FROM window_states WHERE hall_id = @hall AND window_number {SqlLists.In(connection, "@serving")} AND state IN (1, 2, 3)",
            new { hall = catalog.HallId, serving = serving.ToArray() },
            transaction);
        return (int)Math.Ceiling(ahead * serviceSeconds / Math.Max(1, open) / 60.0);
    }


    /// <summary>Waiting ticket's class for counting those ahead.</summary>
    public static int ClassOf(TicketPriority priority) => (int)priority;
}
