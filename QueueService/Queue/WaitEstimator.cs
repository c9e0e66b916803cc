using System.Data.Common;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

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
            WHERE hall_id = @hallId AND hall_date = @hallDate AND status = @waiting AND service_id = @serviceId
              AND ({NextTicketSelector.EffectiveClass} < @cls
                   OR ({NextTicketSelector.EffectiveClass} = @cls AND (issued_at < @issuedAt OR (issued_at = @issuedAt AND number < @number))))
            """,
            new { hallId, hallDate, serviceId, cls = priorityClass, issuedAt, number, now = now.ToUnixMs(), waiting = (int)TicketStatus.Waiting },
            transaction);

    public static async Task<int> EstimateMinutesAsync(DbConnection connection, DbTransaction? transaction, HallCatalog catalog,
        ServiceDefinition service, int ahead, string hallDate) =>
        ahead == 0 ? 0 : Minutes(ahead, await SecondsPerPersonAsync(connection, transaction, catalog, service, hallDate));

    /// <summary>
    /// <see cref="SecondsPerPersonAsync"/> for every service at once, in two queries, for queue counts that are sent
    /// several times a second while kiosks are busy.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, double>> SecondsPerPersonForAllAsync(DbConnection connection, HallCatalog catalog, string hallDate)
    {
        var recent = (await connection.QueryAsync<(long ServiceId, double AverageMs, long Count)>(
            """
            SELECT service_id, AVG(duration), COUNT(*) FROM (
                SELECT service_id, finished_at - started_at AS duration,
                       ROW_NUMBER() OVER (PARTITION BY service_id ORDER BY finished_at DESC) AS recency
                FROM tickets
                WHERE hall_id = @hall AND hall_date = @hallDate AND status = @done AND started_at IS NOT NULL AND finished_at IS NOT NULL
            ) latest
            WHERE recency <= @sample
            GROUP BY service_id
            """,
            new { hall = catalog.HallId, hallDate, sample = RecentSample, done = (int)TicketStatus.Done })).ToDictionary(r => (int)r.ServiceId);
        var open = await WindowStatesTable.ServingWindowsAsync(connection, null, catalog.HallId);

        var result = new Dictionary<int, double>();
        foreach (var service in catalog.Services)
        {
            var serviceSeconds = recent.TryGetValue(service.Id, out var r) && r.Count >= 3
                ? r.AverageMs / 1000.0
                : service.TypicalServiceMinutes * 60.0;
            var windows = catalog.WindowsServing(service.Id).Count(open.Contains);
            result[service.Id] = serviceSeconds / Math.Max(1, windows);
        }
        return result;
    }

    /// <summary>Expected minutes for <paramref name="ahead"/> people at <paramref name="secondsPerPerson"/> each.</summary>
    public static int Minutes(int ahead, double secondsPerPerson) => ahead == 0 ? 0 : (int)Math.Ceiling(ahead * secondsPerPerson / 60.0);

    /// <summary>
    /// How long the queue of a service moves per person now: its recent service time shared by the windows open for
    /// it. Read outside the issuing transaction, so the single SQLite writer is not held for it.
    /// </summary>
    public static async Task<double> SecondsPerPersonAsync(DbConnection connection, DbTransaction? transaction, HallCatalog catalog,
        ServiceDefinition service, string hallDate)
    {
        var recent = (await connection.QueryAsync<long>(
            """
            SELECT finished_at - started_at FROM tickets
            WHERE hall_id = @hall AND hall_date = @hallDate AND service_id = @serviceId AND status = @done
              AND started_at IS NOT NULL AND finished_at IS NOT NULL
            ORDER BY finished_at DESC LIMIT @sample
            """,
            new { hall = catalog.HallId, hallDate, serviceId = service.Id, sample = RecentSample, done = (int)TicketStatus.Done },
            transaction)).ToList();
        var serviceSeconds = recent.Count >= 3
            ? recent.Average() / 1000.0
            : service.TypicalServiceMinutes * 60.0;

        var serving = catalog.WindowsServing(service.Id);
        var open = serving.Count == 0 ? 0 : serving.Count((await WindowStatesTable.ServingWindowsAsync(connection, transaction, catalog.HallId)).Contains);
        return serviceSeconds / Math.Max(1, open);
    }
}
