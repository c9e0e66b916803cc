using Hall.Contracts.Api;
using System.Collections.Concurrent;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Hubs;

/// <summary>
/// Which display computers are connected to this instance's hub, by their device keys: a board's first connection
/// reports it online, its last one leaving reports it offline, so supervision sees a board PC that died or lost the
/// network (and raises a device alert like any other device). Counted per instance; a board reconnecting to
/// another instance reports itself online there.
/// </summary>
public sealed class BoardPresence(DeviceStatusStore devices)
{
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    public Task ConnectedAsync(string deviceId, CancellationToken cancellationToken) =>
        _connections.AddOrUpdate(deviceId, 1, (_, n) => n + 1) == 1
            ? devices.UpsertAsync(deviceId, DeviceReportKind.Board.Name(), DeviceStatus.Online.Name(), null, cancellationToken)
            : Task.CompletedTask;

    public Task DisconnectedAsync(string deviceId, CancellationToken cancellationToken)
    {
        var left = _connections.AddOrUpdate(deviceId, 0, (_, n) => Math.Max(0, n - 1));
        return left == 0 ? devices.UpsertAsync(deviceId, DeviceReportKind.Board.Name(), DeviceStatus.Offline.Name(), "与大厅服务器的连接已断开 disconnected from the hub", cancellationToken) : Task.CompletedTask;
    }
}
