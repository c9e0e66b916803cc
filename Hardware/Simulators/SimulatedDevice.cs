using Hall.Hardware.HallBus;

namespace Hall.Hardware.Simulators;

/// <summary>
/// The device side of the hall bus for one address: sends its own frames with a sequence byte and the protocol's
/// resend rule, answers host commands with <c>F | 0x80</c> (PING with STATUS), and shows SHOW text on two lines.
/// </summary>
public abstract class SimulatedDevice
{
    /// <summary>How long a device waits for the host's acknowledgement before resending (protocol: 150 ms).</summary>
    public static readonly TimeSpan AckTimeout = TimeSpan.FromMilliseconds(150);

    /// <summary>Resends after the first try (protocol: up to 3).</summary>
    public const int MaxResends = 3;

    private readonly Lock _gate = new();
    private readonly string[] _lines = ["", ""];
    private readonly Dictionary<(HallBusFunction Function, byte Sequence), TaskCompletionSource> _awaitingAck = [];
    private int _sequence;
    private int _framesSent;
    private int _beeps;

    protected SimulatedDevice(SimulatedBus bus, byte address)
    {
        Bus = bus;
        Address = address;
        // A fresh start value, so a restarted simulator is not taken for a repeat of its last frames.
        _sequence = bus.NextRandom(0, 256);
    }

    public byte Address { get; }

    /// <summary>"caller", "evaluator", "LED strip".</summary>
    public abstract string Kind { get; }

    /// <summary>Reported in STATUS flag bit 0.</summary>
    public bool HardwareFault { get; set; }

    /// <summary>False: the device is silent, as if unplugged (it neither answers nor sends).</summary>
    public bool IsResponsive { get; set; } = true;

    /// <summary>Frames this device has put on the line, resends included.</summary>
    public int FramesSent => Volatile.Read(ref _framesSent);

    /// <summary>BEEP counts received, summed.</summary>
    public int BeepCount => Volatile.Read(ref _beeps);

    /// <summary>Line 0 and line 1 as the last SHOW frames set them.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public event EventHandler<DisplayChange>? DisplayChanged;

    /// <summary>A BEEP arrived; the argument is its count.</summary>
    public event EventHandler<int>? Beeped;

    protected SimulatedBus Bus { get; }

    /// <summary>
    /// Sends a new event frame (new sequence byte) and waits 150 ms for the acknowledgement; without one it resends
    /// the same frame up to 3 times, each after a random 20–80 ms pause. True when the host acknowledged it.
    /// </summary>
    protected async Task<bool> SendEventAsync(HallBusFunction function, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!IsResponsive)
        {
            return false;
        }
        var sequence = (byte)Interlocked.Increment(ref _sequence);
        var data = new byte[1 + payload.Length];
        data[0] = sequence;
        payload.CopyTo(data.AsMemory(1));
        var frame = new HallBusFrame(Address, function, data);

        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _awaitingAck[(function, sequence)] = acknowledged;
        }
        try
        {
            for (var attempt = 0; attempt <= MaxResends; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Bus.NextRandom(20, 81)), Bus.Time, cancellationToken).ConfigureAwait(false);
                }
                await SendAsync(frame, cancellationToken).ConfigureAwait(false);
                try
                {
                    await acknowledged.Task.WaitAsync(AckTimeout, Bus.Time, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (TimeoutException)
                {
                }
            }
            return false;
        }
        finally
        {
            lock (_gate)
            {
                _awaitingAck.Remove((function, sequence));
            }
        }
    }

    internal async Task SendAsync(HallBusFrame frame, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _framesSent);
        await Bus.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The host acknowledged one of this device's frames.</summary>
    internal void OnAcknowledgement(HallBusFunction function, byte sequence)
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            waiting = _awaitingAck.GetValueOrDefault((function, sequence));
        }
        waiting?.TrySetResult();
    }

    /// <summary>A host command for this address (or a broadcast, which is never answered).</summary>
    internal async Task OnCommandAsync(HallBusFrame command, CancellationToken cancellationToken)
    {
        if (!IsResponsive || !Accepts(command))
        {
            return;
        }
        var broadcast = command.Address == HallBusFrame.BroadcastAddress;
        if (command.Function == HallBusFunction.Ping)
        {
            if (!broadcast)
            {
                var sequence = (byte)Interlocked.Increment(ref _sequence);
                await SendAsync(HallBusFrames.Status(Address, sequence, HardwareFault ? StatusFlags.HardwareFault : (byte)0), cancellationToken)
                    .ConfigureAwait(false);
            }
            return;
        }
        // Act, then answer: the simulated act is instant, so the bytes on the wire are the same as a device's that answers
        // first, and whoever sees the answer also sees the device's new state (no race for tests and the demo console).
        Apply(command);
        if (!broadcast)
        {
            await SendAsync(HallBusFrames.Reply(Address, command.Function), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the command is well formed for this device; others are ignored (not answered).</summary>
    protected virtual bool Accepts(HallBusFrame command) => command.Function switch
    {
        HallBusFunction.Show => command.Data.Length >= 1 && command.Data.Span[0] <= 1,
        HallBusFunction.Beep => command.Data.Length == 1,
        HallBusFunction.Ping => command.Data.IsEmpty,
        _ => false,
    };

    /// <summary>Acts on an accepted command after it was answered.</summary>
    protected virtual void Apply(HallBusFrame command)
    {
        switch (command.Function)
        {
            case HallBusFunction.Show:
                var line = command.Data.Span[0];
                var text = HallBusText.Decode(command.Data.Span[1..]);
                IReadOnlyList<string> lines;
                lock (_gate)
                {
                    if (_lines[line] == text)
                    {
                        return;
                    }
                    _lines[line] = text;
                    lines = [.. _lines];
                }
                DisplayChanged?.Invoke(this, new DisplayChange(Address, line, text, lines));
                break;
            case HallBusFunction.Beep:
                int count = command.Data.Span[0];
                Interlocked.Add(ref _beeps, count);
                Beeped?.Invoke(this, count);
                break;
        }
    }

    public override string ToString() => $"{Kind} {Address}";

    /// <summary>STATUS flag bits.</summary>
    public static class StatusFlags
    {
        public const byte HardwareFault = 0x01;
    }
}
