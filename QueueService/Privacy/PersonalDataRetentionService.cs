using Hall.QueueService.HallSetup;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Privacy;

/// <summary>
/// Erases personal data once it is older than <c>Privacy:RetainDays</c> (default 180): at start and every
/// <c>Privacy:SweepInterval</c>. Most sweeps find nothing; one that erases something is an event on the record.
/// </summary>
public sealed partial class PersonalDataRetentionService(
    PersonalDataEraser eraser,
    HallCatalogHolder hall,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<PersonalDataRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.SweepInterval, time);
        do
        {
            if (!hall.IsLoaded)
            {
                continue;
            }
            try
            {
                var erased = await eraser.EraseExpiredAsync(settings.RetainDays, stoppingToken);
                if (erased.Total > 0)
                {
                    LogErased(settings.RetainDays, erased.Tickets, erased.Appointments, erased.FollowUps);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next sweep tries again; nothing is half-erased (one transaction).
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data older than {RetainDays} days erased: {Tickets} tickets, {Appointments} appointments, {FollowUps} follow-up answers")]
    private partial void LogErased(int retainDays, int tickets, int appointments, int followUps);

    [LoggerMessage(Level = LogLevel.Error, Message = "The personal data retention sweep failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
