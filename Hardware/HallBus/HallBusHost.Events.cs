namespace Hall.Hardware.HallBus;

/// <summary>What the host raises, and how: on the read loop, in order, a failing handler logged and skipped.</summary>
public sealed partial class HallBusHost
{
    /// <summary>A caller key, once per (address, S).</summary>
    public event EventHandler<KeyPress>? KeyPressed;

    /// <summary>An evaluator press, once per (address, S).</summary>
    public event EventHandler<RatingPress>? RatingPressed;

    /// <summary>A STATUS frame, once per (address, S).</summary>
    public event EventHandler<StatusReport>? StatusReported;

    /// <summary>A device went online or offline, or its hardware fault flag changed.</summary>
    public event EventHandler<DeviceStateChange>? DeviceStateChanged;

    /// <summary>The port was opened, lost, or could not be opened.</summary>
    public event EventHandler<BusConnectionChange>? ConnectionChanged;

    private void Raise<T>(EventHandler<T>? handlers, T args, string name)
    {
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                handler(this, args);
            }
            catch (Exception ex)
            {
                HallBusHostLog.HandlerFailed(_logger, _name, name, ex);
            }
        }
    }

    private void RaiseDeviceChange(DeviceStateChange? change)
    {
        if (change is null)
        {
            return;
        }
        var current = change.Current;
        HallBusHostLog.DeviceChanged(_logger, _name, current.Address, current.Link, current.HardwareFault ? " (hardware fault)" : "");
        Raise(DeviceStateChanged, change, nameof(DeviceStateChanged));
    }
}
