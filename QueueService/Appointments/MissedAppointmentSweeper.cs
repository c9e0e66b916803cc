using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Appointments;

/// <summary>
/// Marks bookings never checked in as missed once their check-in window has ended, with an event row each, so
/// statistics can count misses. Runs every minute on the injected clock.
/// </summary>
public sealed partial class MissedAppointmentSweeper(
    QueueDatabase database,
    HallCatalogHolder hall,
    TimeProvider time,
    ILogger<MissedAppointmentSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        await ReportBookingsOutsideOfferAsync(stoppingToken);
        do
        {
            try
            {
                if (hall.IsLoaded)
                {
                    var missed = await SweepAsync(stoppingToken);
                    if (missed > 0)
                    {
                        LogMissed(missed);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Lists, in the log, active bookings the hall file in force no longer offers, so the hall can contact them.</summary>
    private async Task ReportBookingsOutsideOfferAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!hall.IsLoaded)
            {
                return;
            }
            foreach (var entry in await BookingsOutsideOffer.FindAsync(database, hall.Current, time.GetUtcNow(), cancellationToken))
            {
                LogOutsideOffer(entry.Appointment.Code, entry.Appointment.ServiceName, entry.Appointment.SlotStart, entry.Appointment.MaskedPhone, entry.Reason);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var actor = new Actor("appointments");
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var due = (await scope.Connection.QueryAsync<AppointmentRow>(
            "SELECT * FROM appointments WHERE hall_id = @hall AND status = @booked AND check_in_until < @now" + scope.Dialect.ForUpdate,
            new { hall = catalog.HallId, now = now.ToUnixMs(), booked = (int)AppointmentStatus.Booked }, scope.Transaction)).ToList();
        foreach (var row in due)
        {
            await scope.Connection.ExecuteAsync(
                "UPDATE appointments SET status = @missed, missed_at = @now WHERE code = @code AND status = @booked",
                new { missed = (int)AppointmentStatus.Missed, now = now.ToUnixMs(), code = row.Code, booked = (int)AppointmentStatus.Booked }, scope.Transaction);
            await EventLog.AppendAsync(scope, catalog.HallId, AppointmentEventKinds.Missed, now, row.HallDate, actor, serviceId: row.ServiceId, detail: "appointment=" + row.Code);
        }
        await scope.CommitAsync(cancellationToken);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} appointments missed (not checked in within their window)")]
    private partial void LogMissed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking {Code} ({Service}, {SlotStart}, phone {Phone}) is no longer offered by the hall file: {Reason}. Please contact the citizen.")]
    private partial void LogOutsideOffer(string code, string service, DateTimeOffset slotStart, string phone, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marking missed appointments failed; it will try again in a minute")]
    private partial void LogFailed(Exception exception);
}
