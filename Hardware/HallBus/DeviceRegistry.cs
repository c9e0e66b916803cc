namespace Hall.Hardware.HallBus;

/// <summary>Online/offline and fault state per device address. Callers synchronise; changes are returned, not raised.</summary>
internal sealed class DeviceRegistry(int unansweredPingsForOffline)
{
    private readonly Dictionary<int, DeviceState> _devices = [];

    public void Track(int address)
    {
        _devices.TryAdd(address, new DeviceState(address, DeviceLink.Unknown, false, null, 0));
    }

    public DeviceState? Get(int address) => _devices.GetValueOrDefault(address);

    public IReadOnlyList<DeviceState> Snapshot() => [.. _devices.Values.OrderBy(d => d.Address)];

    /// <summary>Any frame from the device: it is online and its ping count starts again.</summary>
    public DeviceStateChange? Heard(int address, DateTimeOffset now)
    {
        var previous = GetOrAdd(address);
        return Set(previous, previous with { Link = DeviceLink.Online, LastHeardAt = now, UnansweredPings = 0 });
    }

    public DeviceStateChange? Fault(int address, bool fault)
    {
        var previous = GetOrAdd(address);
        return Set(previous, previous with { HardwareFault = fault });
    }

    public DeviceStateChange? PingUnanswered(int address)
    {
        var previous = GetOrAdd(address);
        var unanswered = previous.UnansweredPings + 1;
        var link = unanswered >= unansweredPingsForOffline ? DeviceLink.Offline : previous.Link;
        return Set(previous, previous with { UnansweredPings = unanswered, Link = link });
    }

    /// <summary>The port is gone: nothing can be heard.</summary>
    public IReadOnlyList<DeviceStateChange> AllOffline()
    {
        var changes = new List<DeviceStateChange>();
        foreach (var device in _devices.Values.ToList())
        {
            if (device.Link == DeviceLink.Online && Set(device, device with { Link = DeviceLink.Offline }) is { } change)
            {
                changes.Add(change);
            }
        }
        return changes;
    }

    private DeviceState GetOrAdd(int address)
    {
        Track(address);
        return _devices[address];
    }

    /// <summary>Stores the new state; reports a change only when the link or the fault flag changed.</summary>
    private DeviceStateChange? Set(DeviceState previous, DeviceState current)
    {
        _devices[current.Address] = current;
        return previous.Link != current.Link || previous.HardwareFault != current.HardwareFault
            ? new DeviceStateChange(previous, current)
            : null;
    }
}
