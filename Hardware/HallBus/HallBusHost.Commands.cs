namespace Hall.Hardware.HallBus;

/// <summary>Commands from the host to devices; <see cref="CommandCorrelator"/> matches replies and retries.</summary>
public sealed partial class HallBusHost
{
    /// <summary>Shows <paramref name="text"/> on line 0 or 1 (GB18030, cut to 64 bytes on a character boundary).</summary>
    public Task<HallBusCommandResult> ShowAsync(int address, int line, string text, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(line, 1);
        return SendAsync(HallBusFrames.Show(ToAddress(address), (byte)line, text), cancellationToken);
    }

    public Task<HallBusCommandResult> BeepAsync(int address, int count = 1, CancellationToken cancellationToken = default) =>
        SendAsync(HallBusFrames.Beep(ToAddress(address), (byte)Math.Clamp(count, 1, 255)), cancellationToken);

    /// <summary>Lights the evaluator and asks for a rating within <paramref name="seconds"/> (1–255).</summary>
    public Task<HallBusCommandResult> InviteAsync(int address, int seconds, CancellationToken cancellationToken = default) =>
        SendAsync(HallBusFrames.Invite(ToAddress(address), (byte)Math.Clamp(seconds, 1, 255)), cancellationToken);

    /// <summary>
    /// Pings a device; it answers with STATUS. Counts towards offline when unanswered after all tries
    /// (<see cref="HallBusHostOptions.UnansweredPingsForOffline"/> in a row).
    /// </summary>
    public async Task<HallBusCommandResult> PingAsync(int address, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HallBusFrames.Ping(ToAddress(address)), cancellationToken).ConfigureAwait(false);
        if (result == HallBusCommandResult.NoReply)
        {
            DeviceStateChange? change;
            lock (_gate)
            {
                change = _devices.PingUnanswered(address);
            }
            RaiseDeviceChange(change);
        }
        return result;
    }

    /// <summary>
    /// Sends a host command and waits for the device's <c>F | 0x80</c> reply (STATUS for PING), resending after
    /// <see cref="HallBusHostOptions.ReplyTimeout"/> up to <see cref="HallBusHostOptions.CommandRetries"/> times.
    /// A broadcast (address 0) is sent once and not awaited. Commands to one address go out one after the other.
    /// </summary>
    public async Task<HallBusCommandResult> SendAsync(HallBusFrame command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Address == HallBusFrame.BroadcastAddress)
        {
            return await WriteAsync(command, cancellationToken).ConfigureAwait(false)
                ? HallBusCommandResult.Broadcast
                : HallBusCommandResult.PortUnavailable;
        }
        if (!IsConnected)
        {
            return HallBusCommandResult.PortUnavailable;
        }

        return await _commands.SendAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one frame (with the configured wake-up bytes); false when there is no port or it failed.</summary>
    private async Task<bool> WriteAsync(HallBusFrame frame, CancellationToken cancellationToken)
    {
        var wake = _options.WakeUpBytes;
        var bytes = new byte[wake + HallBusFrameEncoder.Overhead + 2 + frame.Data.Length];
        bytes.AsSpan(0, wake).Fill(HallBusFrameEncoder.WakeUpByte);
        HallBusFrameEncoder.Encode(frame.Address, frame.Function, frame.Data.Span, bytes.AsSpan(wake));

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var session = Volatile.Read(ref _session);
        try
        {
            if (session is null)
            {
                return false;
            }
            await session.Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await session.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HallBusHostLog.WriteFailed(_logger, _name, ex);
            session?.Fail(ex is IOException io ? io : new IOException($"{_name}: write failed.", ex));
            return false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static byte ToAddress(int address)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(address);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, HallBusFrame.MaxDeviceAddress);
        return (byte)address;
    }
}
