using Hall.QueueService.HallSetup;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Archiving;

/// <summary>
/// Daily archiving: every <c>Queue:ArchiveCheckMinutes</c> (and once at start) the hall days older than
/// <c>Queue:ArchiveAfterDays</c> move to the archive tables. A day is due once, so most checks find nothing to do.
/// </summary>
public sealed partial class DailyArchiveService(
    DayArchiver archiver,
    HallCatalogHolder hall,
    IOptions<ArchiveOptions> options,
    TimeProvider time,
    ILogger<DailyArchiveService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.ArchiveAfterDays == 0)
        {
            LogOff();
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.ArchiveCheckMinutes), time);
        do
        {
            if (!hall.IsLoaded)
            {
                continue;
            }
            try
            {
                var today = hall.Current.HallDate(time.GetUtcNow());
                var run = await archiver.ArchiveBeforeAsync(today.AddDays(-settings.ArchiveAfterDays), stoppingToken);
                if (run.Archived.Count > 0)
                {
                    LogRun(run.Archived.Count, run.Tickets, run.Before);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, settings.ArchiveCheckMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily archiving is off (Queue:ArchiveAfterDays = 0)")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Archived {Days} hall days with {Tickets} tickets, all before {Before}")]
    private partial void LogRun(int days, int tickets, string before);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archiving failed; it will try again in {Minutes} minutes")]
    private partial void LogFailed(Exception exception, int minutes);
}
