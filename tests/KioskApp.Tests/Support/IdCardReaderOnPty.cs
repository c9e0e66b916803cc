using Hall.Hardware.Serial;
using Hall.Hardware.Simulators;
using Hall.TestSupport;
using Hall.TestSupport.Serial;

namespace Hall.KioskApp.Tests.Support;

/// <summary>The simulated ID card reader on one end of a socat pty pair; the kiosk opens the other end (<see cref="KioskPortName"/>).</summary>
public sealed class IdCardReaderOnPty : IAsyncDisposable
{
    private readonly PseudoTerminalPair _pair;
    private readonly ISerialPort _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private IdCardReaderOnPty(PseudoTerminalPair pair, ISerialPort port)
    {
        _pair = pair;
        _port = port;
        Reader = new SimulatedIdCardReader(port.Stream);
        _run = Reader.RunAsync(_stop.Token);
    }

    public SimulatedIdCardReader Reader { get; }

    public string KioskPortName => _pair.FirstPath;

    public static async Task<IdCardReaderOnPty> StartAsync()
    {
        var pair = await PseudoTerminalPair.StartAsync();
        return new IdCardReaderOnPty(pair, SerialPorts.Open(pair.SecondPath, 115200));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TestTimeouts.Local);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
        }
        _port.Dispose();
        _pair.Dispose();
        _stop.Dispose();
    }
}
