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

ISerialPort port;
try
{
    port = SerialPorts.Open(new SerialPortOptions { PortName = arguments.PortName, BaudRate = arguments.BaudRate });
}
catch (SerialPortException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

using (port)
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

    var bus = new SimulatedBus(port.Stream);
    var console = new ConsoleReport(Console.Out);
    arguments.AddDevicesTo(bus, console);
    console.Started(port, bus);

    var run = bus.RunAsync(stop.Token);
    // Reads commands while stdin is open; with stdin closed (run in the background) the devices keep running.
    _ = Task.Run(() => new ConsoleCommands(bus, console, stop).RunAsync(Console.In));
    try
    {
        await run;
    }
    catch (IOException ex)
    {
        console.Line($"串口断开 / port lost: {ex.Message}");
        return 1;
    }
    console.Line(stop.IsCancellationRequested ? "stopped" : "the port closed");
}
return 0;
