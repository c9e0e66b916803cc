using System.Diagnostics.CodeAnalysis;
using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;

namespace Hall.DeviceSimulator;

/// <summary>The command line: <c>--port /dev/pts/N [--baud 9600] --callers 1-6 --evaluators 101-106 --leds 201-206</c>.</summary>
internal sealed record SimulatorArguments(
    string PortName,
    int BaudRate,
    IReadOnlyList<int> Callers,
    IReadOnlyList<int> Evaluators,
    IReadOnlyList<int> LedStrips)
{
    public const string Usage = """
        usage: DeviceSimulator --port /dev/pts/N [--baud 9600] [--callers 1-6] [--evaluators 101-106] [--leds 201-206]
          address lists: 1-6 or 1,3,5 or 1-3,7 (1..247, each address once)
          then type 'help' for the commands (key, rate, status, fault, offline, online, quit)
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out SimulatorArguments? arguments, out string problem)
    {
        arguments = null;
        string? port = null;
        var baud = 9600;
        IReadOnlyList<int> callers = [], evaluators = [], leds = [];
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                problem = "";
                return false;
            }
            if (i + 1 >= args.Length)
            {
                problem = $"{name} needs a value.";
                return false;
            }
            var value = args[++i];
            switch (name)
            {
                case "--port":
                    port = value;
                    break;
                case "--baud" when int.TryParse(value, out var rate) && BaudRates.IsSupported(rate):
                    baud = rate;
                    break;
                case "--baud":
                    problem = $"--baud {value}: use one of {string.Join(", ", BaudRates.Supported)}.";
                    return false;
                case "--callers" or "--evaluators" or "--leds":
                    if (!AddressList.TryParse(value, out var addresses, out problem))
                    {
                        problem = $"{name} {value}: {problem}";
                        return false;
                    }
                    _ = name == "--callers" ? callers = addresses : name == "--evaluators" ? evaluators = addresses : leds = addresses;
                    break;
                default:
                    problem = $"unknown option {name}.";
                    return false;
            }
        }
        if (string.IsNullOrWhiteSpace(port))
        {
            problem = "--port is required (e.g. --port /dev/pts/3).";
            return false;
        }
        var taken = callers.Concat(evaluators).Concat(leds).GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        if (taken is not null)
        {
            problem = $"address {taken.Key} is given to more than one device.";
            return false;
        }
        if (callers.Count + evaluators.Count + leds.Count == 0)
        {
            problem = "no devices: give --callers, --evaluators and/or --leds.";
            return false;
        }
        arguments = new SimulatorArguments(port, baud, callers, evaluators, leds);
        problem = "";
        return true;
    }

    public void AddDevicesTo(SimulatedBus bus, ConsoleReport report)
    {
        foreach (var address in Callers)
        {
            report.Watch(bus.AddCaller(address));
        }
        foreach (var address in Evaluators)
        {
            report.Watch(bus.AddEvaluator(address));
        }
        foreach (var address in LedStrips)
        {
            report.Watch(bus.AddLedStrip(address));
        }
    }
}
