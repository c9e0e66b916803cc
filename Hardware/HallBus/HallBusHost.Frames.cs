namespace Hall.Hardware.HallBus;

/// <summary>What the host does with each frame it reads.</summary>
public sealed partial class HallBusHost
{
    private async Task HandleAsync(HallBusFrame frame, CancellationToken cancellationToken)
    {
        HallBusHostLog.Received(_logger, _name, frame);
        int address = frame.Address;
        if (address is HallBusFrame.BroadcastAddress or > HallBusFrame.MaxDeviceAddress)
        {
            HallBusHostLog.Ignored(_logger, _name, frame, "no device sends from this address");
            return;
        }

        if (frame.IsReply)
        {
            // A device's answer to a command has no data. Our own acknowledgements (with S) echoed by an RS-485
            // adapter do not count as the device speaking.
            if (frame.Data.IsEmpty)
            {
                OnHeard(address);
                CompletePending(address, frame.Function);
            }
            return;
        }

        if (!HallBusFunctions.IsDeviceEvent(frame.Function))
        {
            // A host command seen on the line: our own echo, or a second host. Not ours to answer.
            return;
        }

        if (Parse(frame) is not { } deviceEvent)
        {
            return;
        }
        var sequence = frame.Data.Span[0];

        // Acknowledge first: the device waits only 150 ms before it resends.
        await WriteAsync(HallBusFrames.Acknowledge(frame.Address, frame.Function, sequence), cancellationToken).ConfigureAwait(false);
        OnHeard(address);
        if (frame.Function == HallBusFunction.Status)
        {
            CompletePending(address, HallBusFunction.Status);
        }

        bool repeat;
        lock (_gate)
        {
            repeat = _duplicates.IsRepeat(address, sequence);
        }
        if (repeat)
        {
            HallBusHostLog.Duplicate(_logger, _name, frame);
            return;
        }

        switch (deviceEvent)
        {
            case KeyPress key:
                Raise(KeyPressed, key, nameof(KeyPressed));
                break;
            case RatingPress rating:
                Raise(RatingPressed, rating, nameof(RatingPressed));
                break;
            case StatusReport status:
                DeviceStateChange? change;
                lock (_gate)
                {
                    change = _devices.Fault(address, status.HardwareFault);
                }
                RaiseDeviceChange(change);
                Raise(StatusReported, status, nameof(StatusReported));
                break;
        }
    }

    /// <summary>The event a device frame carries, or null (logged) when its data does not fit its function.</summary>
    private object? Parse(HallBusFrame frame)
    {
        var data = frame.Data.Span;
        var now = _time.GetUtcNow();
        switch (frame.Function)
        {
            case HallBusFunction.Key when data.Length is 2 or 3:
                if (!Enum.IsDefined((HallBusKey)data[1]))
                {
                    HallBusHostLog.Ignored(_logger, _name, frame, "unknown key code");
                    return null;
                }
                return new KeyPress(frame.Address, data[0], (HallBusKey)data[1], data.Length == 3 ? data[2] : null, now);
            case HallBusFunction.Rating when data.Length == 2:
                if (!RatingLevels.IsDefined(data[1]))
                {
                    HallBusHostLog.Ignored(_logger, _name, frame, "rating level out of 1-5");
                    return null;
                }
                return new RatingPress(frame.Address, data[0], (RatingLevel)data[1], now);
            case HallBusFunction.Status when data.Length == 2:
                return new StatusReport(frame.Address, data[0], data[1], now);
            default:
                HallBusHostLog.Ignored(_logger, _name, frame, "wrong data length for its function");
                return null;
        }
    }

    private void OnHeard(int address)
    {
        DeviceStateChange? change;
        lock (_gate)
        {
            change = _devices.Heard(address, _time.GetUtcNow());
        }
        RaiseDeviceChange(change);
    }
}
