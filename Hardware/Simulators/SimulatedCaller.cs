using Hall.Hardware.HallBus;

namespace Hall.Hardware.Simulators;

/// <summary>A hardware caller (呼叫器): keys, a two-line display, a buzzer.</summary>
public sealed class SimulatedCaller : SimulatedDevice
{
    internal SimulatedCaller(SimulatedBus bus, byte address)
        : base(bus, address)
    {
    }

    public override string Kind => "caller";

    /// <summary>Presses a key: a KEY frame with a new sequence byte, resent as the protocol says. True when acknowledged.</summary>
    /// <param name="argument">For <see cref="HallBusKey.Transfer"/>: the target window.</param>
    public Task<bool> PressAsync(HallBusKey key, byte? argument = null, CancellationToken cancellationToken = default)
    {
        byte[] payload = argument is { } arg ? [(byte)key, arg] : [(byte)key];
        return SendEventAsync(HallBusFunction.Key, payload, cancellationToken);
    }
}
