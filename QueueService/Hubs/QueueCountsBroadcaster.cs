using System.Threading.Channels;
using Hall.Contracts.Hub;
using Hall.QueueService.Queue;
using Microsoft.AspNetCore.SignalR;

namespace Hall.QueueService.Hubs;

/// <summary>
/// Sends waiting counts per service after queue changes, at most a few times a second: a busy kiosk morning must not
/// recount the queue for every single ticket.
/// </summary>
public sealed partial class QueueCountsBroadcaster(
    IHubContext<HallHub, IHallClient> hub,
    HallQueries queries,
    TimeProvider time,
    ILogger<QueueCountsBroadcaster> logger) : BackgroundService
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(200);
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void MarkChanged() => _changes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _changes.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var counts = await queries.GetQueueCountsAsync(stoppingToken);
                await hub.Clients.All.QueueCountsChanged(new QueueCounts(counts, time.GetUtcNow()));
                await Task.Delay(Coalesce, time, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send queue counts")]
    private partial void LogFailed(Exception exception);
}
