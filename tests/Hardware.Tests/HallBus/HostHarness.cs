using Hall.Hardware.HallBus;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Hall.TestSupport.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hall.Hardware.Tests.HallBus;

/// <summary>A <see cref="HallBusHost"/> on one end of an in-memory cable and the test playing the devices on the other.</summary>
internal sealed class HostHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TestTimeouts.Local;

    private readonly CancellationTokenSource _stop = new();
    private readonly HallBusFrameReader _deviceReader;

    public HostHarness(Action<HallBusHostOptions>? configure = null)
    {
        var options = new HallBusHostOptions { Name = "test bus" };
        configure?.Invoke(options);
        Host = new HallBusHost(Modem.EndA, Time, NullLogger<HallBusHost>.Instance, options);
        Host.KeyPressed += (_, e) => { lock (Keys) { Keys.Add(e); } };
        Host.RatingPressed += (_, e) => { lock (Ratings) { Ratings.Add(e); } };
        Host.StatusReported += (_, e) => { lock (Statuses) { Statuses.Add(e); } };
        Host.DeviceStateChanged += (_, e) => { lock (DeviceChanges) { DeviceChanges.Add(e); } };
        _deviceReader = new HallBusFrameReader(Modem.EndB);
        Run = Host.RunAsync(_stop.Token);
    }

    public InMemoryNullModem Modem { get; } = new();

    public ManualTimeProvider Time { get; } = new();

    public HallBusHost Host { get; }

    public Task Run { get; }

    public List<KeyPress> Keys { get; } = [];

    public List<RatingPress> Ratings { get; } = [];

    public List<StatusReport> Statuses { get; } = [];

    public List<DeviceStateChange> DeviceChanges { get; } = [];

    /// <summary>What the devices' end sends.</summary>
    public async Task DeviceSendsAsync(byte[] bytes)
    {
        await Modem.EndB.WriteAsync(bytes);
    }

    public Task DeviceSendsAsync(HallBusFrame frame) => DeviceSendsAsync(HallBusFrameEncoder.Encode(frame));

    /// <summary>Exactly <paramref name="count"/> bytes the host wrote.</summary>
    public async Task<byte[]> DeviceReceivesBytesAsync(int count)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(Timeout);
        await Modem.EndB.ReadExactlyAsync(buffer, cts.Token);
        return buffer;
    }

    public async Task<HallBusFrame> DeviceReceivesFrameAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await _deviceReader.ReadAsync(cts.Token) ?? throw new InvalidOperationException("The host closed the line.");
    }

    /// <summary>Lets the host's pending reply time-out (the only timer) run out.</summary>
    public async Task LetReplyTimeoutPassAsync()
    {
        await Time.WaitForScheduledTimersAsync(1, Timeout);
        Time.Advance(TimeSpan.FromMilliseconds(150));
    }

    /// <summary>Proves the host has handled everything sent before: a PING round trip is answered in order.</summary>
    public async Task SyncAsync(byte address = 247)
    {
        var ping = Host.PingAsync(address);
        var frame = await DeviceReceivesFrameAsync();
        if (frame.Function != HallBusFunction.Ping)
        {
            throw new InvalidOperationException("Expected a PING, got " + frame);
        }
        await DeviceSendsAsync(HallBusFrames.Reply(address, HallBusFunction.Ping));
        if (await ping.WaitAsync(Timeout) != HallBusCommandResult.Acknowledged)
        {
            throw new InvalidOperationException("Sync ping not acknowledged.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(Timeout);
        }
        catch (IOException)
        {
            // tests that unplug the cable end the host this way
        }
        Modem.Dispose();
        _stop.Dispose();
    }
}
