using Dapper;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Storage;

namespace Hall.QueueService.Queue;

/// <summary>
/// The last known state of each device (printers, strips, callers, evaluators), for supervision. <c>updated_at</c> is
/// when the state began: a device that repeats "fault" keeps its time, so the fault raises one alert, not one per report.
/// </summary>
public sealed class DeviceStatusStore(QueueDatabase database, HallCatalogHolder hall, TimeProvider time)
{
    public async Task UpsertAsync(string deviceId, string? kind, string status, string? detail, CancellationToken cancellationToken = default)
    {
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO device_status (hall_id, device_id, kind, status, detail, updated_at) VALUES (@hall, @deviceId, @kind, @status, @detail, @now)
            ON CONFLICT (hall_id, device_id) DO UPDATE SET kind = excluded.kind, status = excluded.status, detail = excluded.detail,
                updated_at = CASE WHEN device_status.status = excluded.status THEN device_status.updated_at ELSE excluded.updated_at END
            """,
            new { hall = hall.Current.HallId, deviceId, kind = kind ?? "device", status, detail, now = time.GetUtcNow().ToUnixMs() },
            scope.Transaction);
        await scope.CommitAsync(cancellationToken);
    }
}
