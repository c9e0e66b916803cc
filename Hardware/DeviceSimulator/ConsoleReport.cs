using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;

namespace Hall.DeviceSimulator;

/// <summary>Prints what each device shows and hears, one line per change, so a person can follow the demo hall.</summary>
internal sealed class ConsoleReport(TextWriter output)
{
    private readonly Lock _gate = new();

    public void Watch(SimulatedDevice device)
    {
        device.DisplayChanged += (_, change) =>
            Line($"{Name(device)} | {change.Lines[0]} | {change.Lines[1]} |");
        device.Beeped += (_, count) => Line($"{Name(device)} beep ×{count}");
        if (device is SimulatedEvaluator evaluator)
        {
            evaluator.Invited += (_, invitation) => Line($"{Name(device)} 请评价 / rating invited for {invitation.Seconds} s");
        }
    }

    public void Started(ISerialPort port, SimulatedBus bus)
    {
        Line($"device simulator on {port.PortName} {port.BaudRate} 8N1");
        foreach (var group in bus.Devices.GroupBy(d => d.Kind))
        {
            Line($"  {group.Key}: {string.Join(", ", group.Select(d => d.Address))}");
        }
    }

    public void Started(ISerialPort port, SimulatedIdCardReader reader)
    {
        Line($"ID card reader (二代证阅读器) simulator on {port.PortName} {port.BaudRate} 8N1; no card on it ('card lay' lays one)");
        reader.CommandReceived += (_, command) =>
        {
            if (command != Hall.Hardware.IdCard.IdCardCommand.FindCard)
            {
                Line($"[ID card reader] {command}"); // finds come several times a second: not printed
            }
        };
    }

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {text}");
            output.Flush();
        }
    }

    public static string Name(SimulatedDevice device) => device switch
    {
        SimulatedCaller => $"[caller {device.Address}]",
        SimulatedEvaluator => $"[evaluator {device.Address}]",
        SimulatedLedStrip => $"[LED {device.Address}]",
        _ => $"[{device.Kind} {device.Address}]",
    };
}
