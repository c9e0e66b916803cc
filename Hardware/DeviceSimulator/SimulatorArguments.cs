using System.Diagnostics.CodeAnalysis;
using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;

namespace Hall.DeviceSimulator;

/// <summary>
/// The command line: <c>--port /dev/pts/N [--baud 9600] --callers 1-6 --evaluators 101-106 --leds 201-206</c> for bus
/// devices, and/or <c>--id-card-reader /dev/pts/M [--id-card-baud 115200]</c> for an ID card reader on its own line.
/// </summary>
internal sealed record SimulatorArguments(
    string? PortName,
    int BaudRate,
    IReadOnlyList<int> Callers,
    IReadOnlyList<int> Evaluators,
    IReadOnlyList<int> LedStrips,
    string? IdCardReaderPort = null,
    int IdCardBaudRate = 115200)
{
    public const string Usage = """
        usage: DeviceSimulator [--port /dev/pts/N [--baud 9600] [--callers 1-6] [--evaluators 101-106] [--leds 201-206]]
                               [--id-card-reader /dev/pts/M [--id-card-baud 115200]]
          address lists: 1-6 or 1,3,5 or 1-3,7 (1..247, each address once)
          then type 'help' for the commands (key, rate, card, status, fault, offline, online, quit)
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out SimulatorArguments? arguments, out string problem)
    {
        arguments = null;
        string? port = null, reader = null;
        var baud = 9600;
        var readerBaud = 115200;
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
                case "--id-card-baud" when int.TryParse(value, out var rate) && BaudRates.IsSupported(rate):
                    readerBaud = rate;
                    break;
                case "--baud" or "--id-card-baud":
                    problem = $"{name} {value}: use one of {string.Join(", ", BaudRates.Supported)}.";
                    return false;
                case "--id-card-reader":
                    reader = value;
                    break;
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
        var busDevices = callers.Count + evaluators.Count + leds.Count;
        if (string.IsNullOrWhiteSpace(port) && (busDevices > 0 || reader is null))
        {
            problem = "--port is required for bus devices (e.g. --port /dev/pts/3), or give --id-card-reader /dev/pts/4 alone.";
            return false;
        }
        var taken = callers.Concat(evaluators).Concat(leds).GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        if (taken is not null)
        {
            problem = $"address {taken.Key} is given to more than one device.";
            return false;
        }
        if (busDevices == 0 && port is not null)
        {
            problem = "no devices on --port: give --callers, --evaluators and/or --leds.";
            return false;
        }
        if (reader is not null && reader == port)
        {
            problem = "the ID card reader needs its own line: --id-card-reader must differ from --port.";
            return false;
        }
        arguments = new SimulatorArguments(port, baud, callers, evaluators, leds, reader, readerBaud);
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
