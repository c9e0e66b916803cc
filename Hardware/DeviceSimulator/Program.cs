using System.Runtime.InteropServices;
using System.Text;
using Hall.DeviceSimulator;
using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;

Console.OutputEncoding = Encoding.UTF8;
if (!SimulatorArguments.TryParse(args, out var arguments, out var problem))
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(SimulatorArguments.Usage);
    return problem.Length == 0 ? 0 : 2;
}

ISerialPort? busPort = null, readerPort = null;
try
{
    if (arguments.PortName is { } busName)
    {
        busPort = SerialPorts.Open(new SerialPortOptions { PortName = busName, BaudRate = arguments.BaudRate });
    }
    if (arguments.IdCardReaderPort is { } readerName)
    {
        readerPort = SerialPorts.Open(new SerialPortOptions { PortName = readerName, BaudRate = arguments.IdCardBaudRate });
    }
}
catch (SerialPortException ex)
{
    busPort?.Dispose();
    Console.Error.WriteLine(ex.Message);
    return 1;
}

using (busPort)
using (readerPort)
using (var stop = new CancellationTokenSource())
{
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });

    var console = new ConsoleReport(Console.Out);
    var runs = new List<Task>();
    SimulatedBus? bus = null;
    if (busPort is not null)
    {
        bus = new SimulatedBus(busPort.Stream);
        arguments.AddDevicesTo(bus, console);
        console.Started(busPort, bus);
        runs.Add(bus.RunAsync(stop.Token));
    }
    SimulatedIdCardReader? reader = null;
    if (readerPort is not null)
    {
        reader = new SimulatedIdCardReader(readerPort.Stream);
        console.Started(readerPort, reader);
        runs.Add(reader.RunAsync(stop.Token));
    }
    console.Line("type 'help' for commands");

    // Reads commands while stdin is open; with stdin closed (run in the background) the devices keep running.
    _ = Task.Run(() => new ConsoleCommands(bus, reader, console, stop).RunAsync(Console.In));
    try
    {
        // Either line ending or failing ends the simulator.
        await await Task.WhenAny(runs);
    }
    catch (IOException ex)
    {
        console.Line($"串口断开 / port lost: {ex.Message}");
        return 1;
    }
    console.Line(stop.IsCancellationRequested ? "stopped" : "the port closed");
}
return 0;
