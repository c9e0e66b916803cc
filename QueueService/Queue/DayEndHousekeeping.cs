using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;
using Hall.QueueService.Queue.Tables;

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
            var stale = await TicketsTable.UnfinishedBeforeAsync(scope, catalog.HallId, today);
            foreach (var ticket in stale)
            {
                await TicketsTable.CancelAsync(scope, ticket.Id);
                await EventLog.AppendAsync(scope, catalog.HallId, EventKinds.Cancelled, now, ticket.HallDate, actor with { WindowNumber = ticket.WindowNumber },
                    ticket.Id, ticket.ServiceId, "end of day");
            }
            await WindowStatesTable.ReleaseCancelledTicketsAsync(scope, catalog.HallId, today);
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
