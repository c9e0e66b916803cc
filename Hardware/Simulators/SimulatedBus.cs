using Hall.Hardware.HallBus;

namespace Hall.Hardware.Simulators;

/// <summary>
/// Simulated devices sharing one line (a <see cref="Stream"/>, e.g. one end of a pseudo-terminal pair): one read
/// loop dispatches the host's frames by address; writes are serialised as on a half-duplex bus.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
    Justification = "Its SemaphoreSlim never creates a wait handle, so there is nothing to release.")]
public sealed class SimulatedBus
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Dictionary<byte, SimulatedDevice> _devices = [];
    private readonly Lock _gate = new();
    private readonly Random _random;

    /// <param name="random">Seeds the resend pauses and the first sequence bytes; a new one when null.</param>
    public SimulatedBus(Stream stream, TimeProvider? time = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        Time = time ?? TimeProvider.System;
        _random = random ?? new Random();
    }

    public TimeProvider Time { get; }

    /// <summary>Random is not thread-safe; devices draw from it concurrently.</summary>
    internal int NextRandom(int minValue, int maxValue)
    {
        lock (_gate)
        {
            return _random.Next(minValue, maxValue);
        }
    }

    public IReadOnlyList<SimulatedDevice> Devices
    {
        get
        {
            lock (_gate)
            {
                return [.. _devices.Values.OrderBy(d => d.Address)];
            }
        }
    }

    /// <summary>Every frame read from the line that was meant for one of these devices (or broadcast).</summary>
    public event EventHandler<HallBusFrame>? FrameReceived;

    public SimulatedCaller AddCaller(int address) => Add(new SimulatedCaller(this, ToAddress(address)));

    public SimulatedEvaluator AddEvaluator(int address) => Add(new SimulatedEvaluator(this, ToAddress(address)));

    public SimulatedLedStrip AddLedStrip(int address) => Add(new SimulatedLedStrip(this, ToAddress(address)));

    public SimulatedDevice? Find(int address)
    {
        lock (_gate)
        {
            return address is >= 0 and <= 255 ? _devices.GetValueOrDefault((byte)address) : null;
        }
    }

    public T Get<T>(int address) where T : SimulatedDevice =>
        Find(address) as T ?? throw new KeyNotFoundException($"No simulated {typeof(T).Name} at address {address}.");

    /// <summary>Reads the line and answers until cancelled (returns) or the line ends (returns) or fails (throws).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = new HallBusFrameReader(_stream);
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } frame)
            {
                await DispatchAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task DispatchAsync(HallBusFrame frame, CancellationToken cancellationToken)
    {
        if (frame.IsReply)
        {
            // The host's acknowledgement of a device frame: F | 0x80 with [S].
            if (frame.Data.Length == 1 && Find(frame.Address) is { } device)
            {
                FrameReceived?.Invoke(this, frame);
                device.OnAcknowledgement(HallBusFunctions.RequestOf(frame.Function), frame.Data.Span[0]);
            }
            return;
        }
        if (!HallBusFunctions.IsHostCommand(frame.Function))
        {
            return; // another device's frame, heard on the shared line
        }
        if (frame.Address == HallBusFrame.BroadcastAddress)
        {
            FrameReceived?.Invoke(this, frame);
            foreach (var each in Devices)
            {
                await each.OnCommandAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (Find(frame.Address) is { } device)
        {
            FrameReceived?.Invoke(this, frame);
            await device.OnCommandAsync(frame, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task WriteAsync(HallBusFrame frame, CancellationToken cancellationToken)
    {
        var bytes = HallBusFrameEncoder.Encode(frame);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private T Add<T>(T device) where T : SimulatedDevice
    {
        lock (_gate)
        {
            if (!_devices.TryAdd(device.Address, device))
            {
                throw new ArgumentException($"Address {device.Address} is already taken by the {_devices[device.Address]}.", nameof(device));
            }
        }
        return device;
    }

    private static byte ToAddress(int address)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(address, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(address, HallBusFrame.MaxDeviceAddress);
        return (byte)address;
    }
}
