using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Notices;

/// <summary>
/// Notices come into force and expire with nobody changing anything: every few seconds this instance looks which are
/// in force, and when the set differs from the last look it tells its own boards (each instance looks for itself,
/// so the event goes to the local sinks only).
/// </summary>
public sealed partial class NoticePeriodWatcher(
    NoticeReader notices,
    HallCatalogHolder hall,
    HallEventPublisher publisher,
    TimeProvider time,
    IOptions<NoticesOptions> options,
    ILogger<NoticePeriodWatcher> logger) : BackgroundService
{
    private string? _lastSeen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckIntervalSeconds), time);
        do
        {
            try
            {
                if (hall.IsLoaded)
                {
                    await CheckAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look; true when the notices in force changed since the last one (the first look only records them).</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken = default)
    {
        var inForce = string.Join(',', (await notices.InForceAsync(cancellationToken)).Select(n => n.Id));
        var previous = Interlocked.Exchange(ref _lastSeen, inForce);
        if (previous is null || previous == inForce)
        {
            return false;
        }
        await publisher.RelayAsync(new NoticesChangedEvent(time.GetUtcNow()), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for notices that came into force or expired failed")]
    private partial void LogCheckFailed(Exception exception);
}
