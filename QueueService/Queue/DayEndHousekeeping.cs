using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>
/// After local midnight, tickets of earlier days that were never finished are cancelled (with an event row) and
/// windows let go of them, so a new day starts clean while the record keeps what happened.
/// </summary>
public sealed partial class DayEndHousekeeping(
    QueueDatabase database,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time,
    ILogger<DayEndHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                var closed = await CloseEarlierDaysAsync(stoppingToken);
                if (closed > 0)
                {
                    LogClosed(closed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> CloseEarlierDaysAsync(CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var today = catalog.HallDate(now).ToKey();
        var actor = new Actor("day-end");
        int count;
        await using (var scope = await database.BeginWriteAsync(cancellationToken))
        {
            var stale = (await scope.Connection.QueryAsync<TicketRow>(
                "SELECT * FROM tickets WHERE hall_id = @hall AND hall_date < @today AND status IN (0, 1, 2)",
                new { hall = catalog.HallId, today }, scope.Transaction)).ToList();
            foreach (var ticket in stale)
            {
                await scope.Connection.ExecuteAsync("UPDATE tickets SET status = @cancelled WHERE id = @id",
                    new { cancelled = (int)TicketStatus.Cancelled, id = ticket.Id }, scope.Transaction);
                await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Cancelled, now, ticket.HallDate, actor with { WindowNumber = ticket.WindowNumber },
                    ticket.Id, ticket.ServiceId, "end of day");
            }
            await scope.Connection.ExecuteAsync(
                """
                UPDATE window_states SET current_ticket_id = NULL, held_ticket_id = NULL,
                    state = CASE WHEN session_id IS NULL THEN 0 WHEN state = 4 THEN 4 ELSE 1 END
                WHERE hall_id = @hall AND (current_ticket_id IN (SELECT id FROM tickets WHERE status = 5 AND hall_date < @today)
                                        OR held_ticket_id IN (SELECT id FROM tickets WHERE status = 5 AND hall_date < @today))
                """,
                new { hall = catalog.HallId, today }, scope.Transaction);
            await scope.CommitAsync(cancellationToken);
            count = stale.Count;
        }
        if (count > 0)
        {
            await publisher.PublishAsync([.. catalog.Windows.Select(w => new WindowChangedEvent(w.Number)), new QueueChangedEvent()], cancellationToken);
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Day end: cancelled {Count} unfinished tickets of earlier days")]
    private partial void LogClosed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Day-end housekeeping failed; it will try again in a minute")]
    private partial void LogFailed(Exception exception);
}
