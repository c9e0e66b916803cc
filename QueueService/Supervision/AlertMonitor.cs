using System.Globalization;
using Dapper;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Queue;
using Hall.QueueService.Storage;
using Microsoft.Extensions.Options;

namespace Hall.QueueService.Supervision;

/// <summary>
/// Looks at the hall every few seconds and raises alerts: long waits, empty windows in opening hours (空岗), windows
/// paused too long (离岗), services
/// past their promised time, devices offline or out of paper, bad ratings, recall limits reached, and kiosks issuing
/// unusually many elderly-priority numbers (<see cref="ElderlyRateCheck"/>). Each problem is
/// raised once (its subject is unique) and stays listed until a supervisor acknowledges it.
/// </summary>
public sealed partial class AlertMonitor(
    QueueDatabase database,
    HallCatalogHolder hall,
    AlertStore alerts,
    TimeProvider time,
    IOptions<SupervisionOptions> options,
    ILogger<AlertMonitor> logger) : BackgroundService
{
    private DateTimeOffset? _lastBCoverCheck;

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

    /// <summary>One look at the hall; returns how many new alerts it raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var catalog = hall.Current;
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixMs();
        var hallDate = catalog.HallDate(now).ToKey();
        var found = new List<AlertStore.NewAlert>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var args = new
            {
                hall = catalog.HallId,
                hallDate,
                maxRecalls = catalog.Definition.MaxRecalls,
                waiting = (int)TicketStatus.Waiting,
                called = (int)TicketStatus.Called,
                serving = (int)TicketStatus.Serving,
            };

            // The oldest waiting ticket of each service.
            var oldest = await connection.QueryAsync<(string Id, string Number, long ServiceId, long IssuedAt)>(
                """
                SELECT id, number, service_id, issued_at FROM (
                    SELECT id, number, service_id, issued_at, ROW_NUMBER() OVER (PARTITION BY service_id ORDER BY issued_at) AS rn
                    FROM tickets WHERE hall_id = @hall AND hall_date = @hallDate AND status = @waiting
                ) w WHERE rn = 1
                """, args);
            foreach (var t in oldest)
            {
                var service = catalog.FindService((int)t.ServiceId);
                var waited = (nowMs - t.IssuedAt) / 60_000;
                if (service is not null && waited >= service.WaitAlertMinutes)
                {
                    found.Add(new(AlertKinds.LongWait, $"longWait:{t.Id}",
                        $"{service.Name}：{t.Number} 号已等候 {waited} 分钟，超过 {service.WaitAlertMinutes} 分钟。",
                        $"{service.NameEn}: {t.Number} has waited {waited} min, over {service.WaitAlertMinutes} min.",
                        ServiceId: service.Id, TicketId: t.Id));
                }
            }

            // Services running past their promised time.
            var serving = await connection.QueryAsync<(string Id, string Number, long ServiceId, long StartedAt, long? WindowNumber)>(
                "SELECT id, number, service_id, started_at, window_number FROM tickets WHERE hall_id = @hall AND status = @serving AND started_at IS NOT NULL", args);
            foreach (var t in serving)
            {
                var service = catalog.FindService((int)t.ServiceId);
                var minutes = (nowMs - t.StartedAt) / 60_000;
                if (service is not null && minutes >= service.PromisedMinutes)
                {
                    found.Add(new(AlertKinds.OverPromised, $"overPromised:{t.Id}",
                        $"{t.WindowNumber}号窗口办理 {t.Number}（{service.Name}）已 {minutes} 分钟，超过承诺时限 {service.PromisedMinutes} 分钟。",
                        $"Window {t.WindowNumber}: {t.Number} ({service.NameEn}) has taken {minutes} min, over the promised {service.PromisedMinutes} min.",
                        (int?)t.WindowNumber, service.Id, t.Id));
                }
            }

            // 空岗: windows without a clerk for a while during opening hours.
            if (catalog.IsHallOpen(now))
            {
                var sinceLimit = nowMs - options.Value.EmptyPostMinutes * 60_000L;
                var empty = await connection.QueryAsync<(long WindowNumber, long ChangedAt)>(
                    "SELECT window_number, changed_at FROM window_states WHERE hall_id = @hall AND state = @closed AND changed_at <= @sinceLimit",
                    new { hall = catalog.HallId, sinceLimit, closed = (int)WindowState.Closed });
                foreach (var w in empty.Where(w => catalog.FindWindow((int)w.WindowNumber) is not null))
                {
                    var since = catalog.ToOffset(TimeConversions.FromUnixMs(Math.Max(w.ChangedAt, catalog.StartOfDay(catalog.HallDate(now)).ToUnixMs())));
                    found.Add(new(AlertKinds.EmptyPost, $"emptyPost:{w.WindowNumber}:{hallDate}:{w.ChangedAt.ToString(CultureInfo.InvariantCulture)}",
                        $"{catalog.WindowName((int)w.WindowNumber)} 自 {since:HH:mm} 起无人在岗（空岗）。",
                        $"Window {w.WindowNumber} has had nobody logged in since {since:HH:mm}.",
                        (int)w.WindowNumber));
                }
            }

            // 离岗: windows paused for too long during opening hours; the reason the clerk gave is in the alert.
            if (catalog.IsHallOpen(now))
            {
                var pausedSince = nowMs - options.Value.LongPauseMinutes * 60_000L;
                // A pause a supervisor approved (现场勘察) is not 离岗.
                var paused = await connection.QueryAsync<(long WindowNumber, long ChangedAt, string? StaffCode, string? Reason)>(
                    """
                    SELECT w.window_number, w.changed_at, w.staff_code, w.pause_reason FROM window_states w
                    WHERE w.hall_id = @hall AND w.state = @paused AND w.changed_at <= @pausedSince
                      AND NOT EXISTS (SELECT 1 FROM pause_approvals p WHERE p.hall_id = w.hall_id AND p.window_number = w.window_number
                                      AND p.paused_at = w.changed_at AND p.approved = 1)
                    """,
                    new { hall = catalog.HallId, pausedSince, paused = (int)WindowState.Paused });
                foreach (var w in paused.Where(w => catalog.FindWindow((int)w.WindowNumber) is not null))
                {
                    var since = catalog.ToOffset(TimeConversions.FromUnixMs(w.ChangedAt));
                    var clerk = w.StaffCode is { } code ? catalog.FindClerk(code)?.Name ?? code : "";
                    found.Add(new(AlertKinds.LongPause, $"longPause:{w.WindowNumber}:{w.ChangedAt.ToString(CultureInfo.InvariantCulture)}",
                        $"{catalog.WindowName((int)w.WindowNumber)} {clerk} 自 {since:HH:mm} 起暂停已超过 {options.Value.LongPauseMinutes} 分钟（离岗），原因：{w.Reason ?? "未填写"}。",
                        $"Window {w.WindowNumber} has been paused since {since:HH:mm}, over {options.Value.LongPauseMinutes} min (reason: {w.Reason ?? "none"}).",
                        (int)w.WindowNumber));
                }
            }

            // Devices offline, faulty or out of paper.
            var devices = await connection.QueryAsync<(string DeviceId, string Kind, string Status, string? Detail, long UpdatedAt)>(
                "SELECT device_id, kind, status, detail, updated_at FROM device_status WHERE hall_id = @hall AND status IN ('offline', 'fault', 'paperOut', 'coverOpen')",
                new { hall = catalog.HallId });
            foreach (var d in devices)
            {
                found.Add(new(AlertKinds.Device, $"device:{d.DeviceId}:{d.Status}:{d.UpdatedAt.ToString(CultureInfo.InvariantCulture)}",
                    $"设备 {d.DeviceId}（{d.Kind}）{DeviceStatusZh(d.Status)}{(d.Detail is null ? "" : "：" + d.Detail)}。",
                    $"Device {d.DeviceId} ({d.Kind}) is {d.Status}{(d.Detail is null ? "" : ": " + d.Detail)}."));
            }

            // Bad ratings today: a follow-up (回访) is due.
            var bad = await connection.QueryAsync<(string Id, string Number, long ServiceId, long? WindowNumber, string? StaffCode, long RatingLevel)>(
                "SELECT id, number, service_id, window_number, staff_code, rating_level FROM tickets WHERE hall_id = @hall AND hall_date = @hallDate AND rating_level <= 2", args);
            foreach (var t in bad)
            {
                var clerk = t.StaffCode is { } code ? catalog.FindClerk(code)?.Name ?? code : "";
                found.Add(new(AlertKinds.BadRating, $"badRating:{t.Id}",
                    $"{t.WindowNumber}号窗口 {clerk} 办理的 {t.Number} 收到差评（{SatisfactionLevel.Of(t.RatingLevel).ChineseLabel}），请回访。",
                    $"Window {t.WindowNumber}: {t.Number} was rated {t.RatingLevel} of 5; follow up with the citizen.",
                    (int?)t.WindowNumber, (int)t.ServiceId, t.Id));
            }

            // Recall limit reached and the citizen still has not come.
            var recalled = await connection.QueryAsync<(string Id, string Number, long? WindowNumber, long RecallCount)>(
                "SELECT id, number, window_number, recall_count FROM tickets WHERE hall_id = @hall AND hall_date = @hallDate AND status = @called AND recall_count >= @maxRecalls", args);
            foreach (var t in recalled)
            {
                found.Add(new(AlertKinds.RecallLimit, $"recallLimit:{t.Id}",
                    $"{t.WindowNumber}号窗口已重呼 {t.Number} {t.RecallCount} 次，达到上限。",
                    $"Window {t.WindowNumber} has recalled {t.Number} {t.RecallCount} times, the limit.",
                    (int?)t.WindowNumber, TicketId: t.Id));
            }

            found.AddRange(await ElderlyRateCheck.FindAsync(connection, catalog, now));
            found.AddRange(await Complaints.ComplaintOverdueCheck.FindAsync(connection, catalog, now));
            found.AddRange(await FollowUps.FollowUpOverdueCheck.FindAsync(connection, catalog, now));
            found.AddRange(await Appointments.AppointmentNotCalledCheck.FindAsync(connection, catalog, now));
            // The year's B-post cover changes only with a login: counted every BCoverCheckMinutes (and at start).
            if (_lastBCoverCheck is not { } last || now - last >= TimeSpan.FromMinutes(options.Value.BCoverCheckMinutes))
            {
                found.AddRange(await BCoverCheck.FindAsync(connection, catalog, now, options.Value));
                _lastBCoverCheck = now;
            }
        }

        var raised = 0;
        foreach (var alert in found)
        {
            if (await alerts.RaiseAsync(alert, cancellationToken))
            {
                raised++;
            }
        }
        return raised;
    }

    private static string DeviceStatusZh(string status) => status switch
    {
        "offline" => "离线",
        "fault" => "故障",
        "paperOut" => "缺纸",
        "coverOpen" => "开盖",
        _ => status,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert check failed; it runs again at the next tick")]
    private partial void LogCheckFailed(Exception exception);
}
