namespace Hall.Hardware.Simulators;

/// <summary>
/// A window LED strip (窗口屏): keeps the two lines the host shows on it (<see cref="SimulatedDevice.Lines"/>) and
/// raises <see cref="SimulatedDevice.DisplayChanged"/> when one changes.
/// </summary>
public sealed class SimulatedLedStrip : SimulatedDevice
{
    internal SimulatedLedStrip(SimulatedBus bus, byte address)
        : base(bus, address)
    {
    }

    public override string Kind => "LED strip";
}
