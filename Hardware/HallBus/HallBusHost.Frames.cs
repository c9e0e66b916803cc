namespace Hall.Hardware.HallBus;

/// <summary>What the host does with each frame it reads.</summary>
public sealed partial class HallBusHost
{
    private async Task HandleAsync(HallBusFrame frame, CancellationToken cancellationToken)
    {
        HallBusHostLog.Received(_logger, _name, frame);
        int address = frame.Address;
        var parsed = DeviceEventParser.Parse(frame, _time.GetUtcNow());
        if (parsed.Rejection is { } reason)
        {
            HallBusHostLog.Ignored(_logger, _name, frame, reason);
            return;
        }

        if (frame.IsReply)
        {
            // A device's answer to a command has no data. Our own acknowledgements (with S) echoed by an RS-485
            // adapter do not count as the device speaking.
            if (frame.Data.IsEmpty)
            {
                OnHeard(address);
                _commands.OnReply(address, frame.Function);
            }
            return;
        }

        if (parsed.Event is not { } deviceEvent)
        {
            // A host command seen on the line: our own echo, or a second host. Not ours to answer.
            return;
        }
        var sequence = deviceEvent.Sequence;

        // Acknowledge first: the device waits only 150 ms before it resends.
        await WriteAsync(HallBusFrames.Acknowledge(frame.Address, frame.Function, sequence), cancellationToken).ConfigureAwait(false);
        OnHeard(address);
        if (frame.Function == HallBusFunction.Status)
        {
            _commands.OnReply(address, HallBusFunction.Status);
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
