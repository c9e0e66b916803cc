using System.Collections.Concurrent;
using Hall.QueueService.Queue;

namespace Hall.QueueService.Security;

/// <summary>A device's key was revoked or replaced: its live connections on every instance must close.</summary>
public sealed record DeviceKeyRevokedEvent(string DeviceId) : HallEvent;

/// <summary>
/// The live connections of devices on this instance (hub connections made with a device key, bus-gateway WebSockets),
/// so a revoked key closes them at once instead of at the device's next request. Other instances hear of the
/// revocation through the hall's event notifications (see <see cref="DeviceKeyRevokedEvent"/>).
/// </summary>
public sealed partial class DeviceConnections(ILogger<DeviceConnections> logger)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action>> _open = new(StringComparer.Ordinal);

    /// <summary>Remembers how to close one connection of a device until the returned handle is disposed.</summary>
    public IDisposable Track(string deviceId, Action close)
    {
        var id = Guid.NewGuid();
        _open.GetOrAdd(deviceId, _ => new ConcurrentDictionary<Guid, Action>())[id] = close;
        return new Handle(() =>
        {
            if (_open.TryGetValue(deviceId, out var connections))
            {
                connections.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Closes every live connection of the device on this instance; returns how many.</summary>
    public int Close(string deviceId)
    {
        if (!_open.TryGetValue(deviceId, out var connections))
        {
            return 0;
        }
        var closed = 0;
        foreach (var (id, close) in connections)
        {
            if (connections.TryRemove(id, out _))
            {
                close();
                closed++;
            }
        }
        if (closed > 0)
        {
            LogClosed(deviceId, closed);
        }
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId}: key revoked, {Count} live connections closed")]
    private partial void LogClosed(string deviceId, int count);

    private sealed class Handle(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
