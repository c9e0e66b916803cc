using System.Collections.Concurrent;
using Hall.Hardware.HallBus;
using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hall.TestSupport.Serial;

/// <summary>
/// A hall bus on a real socat pseudo-terminal pair: <see cref="Devices"/> (simulated callers, evaluators, LED strips)
/// on one end through the project's serial port, <see cref="HostPortPath"/> left for the code under test (a server's
/// <c>--Bus:PortName</c>, a board's <c>--Led:PortName</c>, or <see cref="StartHostAsync"/>). Every frame that reaches
/// the devices is kept, in order.
/// </summary>
public sealed class BusRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PseudoTerminalPair _pair;
    private readonly ConcurrentQueue<HallBusFrame> _atDevices = new();
    private readonly Task _devicesRun;
    private Task? _hostRun;

    private BusRig(PseudoTerminalPair pair)
    {
        _pair = pair;
        DevicePort = SerialPorts.Open(pair.SecondPath, 9600);
        Devices = new SimulatedBus(DevicePort.Stream);
        Devices.FrameReceived += (_, frame) => _atDevices.Enqueue(frame);
        _devicesRun = Devices.RunAsync(_stop.Token);
    }

    /// <summary>The end for the host: a path such as <c>/dev/pts/5</c>.</summary>
    public string HostPortPath => _pair.FirstPath;

    /// <summary>The devices' end, for tests that write raw bytes as a device would.</summary>
    public ISerialPort DevicePort { get; }

    public SimulatedBus Devices { get; }

    /// <summary>The in-process host started by <see cref="StartHostAsync"/>.</summary>
    public HallBusHost? Host { get; private set; }

    /// <summary>Every frame that reached the devices' end so far.</summary>
    public IReadOnlyCollection<HallBusFrame> AtDevices => _atDevices;

    public static async Task<BusRig> StartAsync() => new(await PseudoTerminalPair.StartAsync());

    /// <summary>A <see cref="HallBusHost"/> on <see cref="HostPortPath"/> (reopened by the host when lost), once its port is open.</summary>
    public async Task<HallBusHost> StartHostAsync(Action<HallBusHost>? subscribe = null)
    {
        var path = HostPortPath;
        var host = new HallBusHost(_ => ValueTask.FromResult(SerialPorts.Open(path, 9600).Stream), TimeProvider.System,
            NullLogger<HallBusHost>.Instance, new HallBusHostOptions { Name = path });
        subscribe?.Invoke(host);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.ConnectionChanged += (_, e) => { if (e.Connected) { connected.TrySetResult(); } };
        Host = host;
        _hostRun = host.RunAsync(_stop.Token);
        await connected.Task.WaitAsync(TestTimeouts.Local);
        return host;
    }

    /// <summary>Bytes on the line as a device would send them (noise, hand-made frames).</summary>
    public async Task WriteAsync(byte[] bytes)
    {
        await DevicePort.Stream.WriteAsync(bytes);
        await DevicePort.Stream.FlushAsync();
    }

    /// <summary>The first frame at the devices (after the first <paramref name="after"/>) that matches, waiting (bounded) for it.</summary>
    public async Task<HallBusFrame> WaitForFrameAsync(Func<HallBusFrame, bool> match, TimeSpan? timeout = null, Func<string>? explain = null, int after = 0)
    {
        HallBusFrame? found = null;
        await Eventually.TrueAsync(() => (found = _atDevices.Skip(after).FirstOrDefault(match)) is not null, timeout, explain);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_hostRun ?? Task.CompletedTask, _devicesRun).WaitAsync(TestTimeouts.Local);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // the line was already gone
        }
        DevicePort.Dispose();
        _pair.Dispose();
        _stop.Dispose();
    }
}
