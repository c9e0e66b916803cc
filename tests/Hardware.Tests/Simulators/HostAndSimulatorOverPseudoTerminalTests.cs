using System.Collections.Concurrent;
using Hall.Hardware.HallBus;
using Hall.Hardware.Simulators;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Xunit;

namespace Hall.Hardware.Tests.Simulators;

/// <summary>
/// End to end over a real pseudo-terminal pair: the simulated devices on one end through the project's serial port,
/// <see cref="HallBusHost"/> on the other, real time.
/// </summary>
public sealed class HostAndSimulatorOverPseudoTerminalTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TestTimeouts.Local;
    private BusRig _bus = null!;
    private SimulatedBus _devices = null!;
    private HallBusHost _host = null!;
    private readonly ConcurrentQueue<KeyPress> _keys = new();
    private readonly ConcurrentQueue<RatingPress> _ratings = new();
    private readonly ConcurrentQueue<DeviceStateChange> _deviceChanges = new();

    public async Task InitializeAsync()
    {
        _bus = await BusRig.StartAsync();
        _devices = _bus.Devices;
        _host = await _bus.StartHostAsync(host =>
        {
            host.KeyPressed += (_, e) => _keys.Enqueue(e);
            host.RatingPressed += (_, e) => _ratings.Enqueue(e);
            host.DeviceStateChanged += (_, e) => _deviceChanges.Enqueue(e);
        });
    }

    [Fact]
    public async Task A_caller_key_press_arrives_once_and_is_acknowledged()
    {
        var caller = _devices.AddCaller(1);
        Assert.True(await caller.PressAsync(HallBusKey.CallNext).WaitAsync(Timeout));
        // The STATUS answer comes after every earlier frame of this caller (resends included, if the machine was
        // slow enough to miss 150 ms): once it is in, the host has seen them all.
        Assert.Equal(HallBusCommandResult.Acknowledged, await _host.PingAsync(1).WaitAsync(Timeout));

        var key = Assert.Single(_keys);
        Assert.Equal((1, HallBusKey.CallNext), (key.Address, key.Key));
        Assert.Contains(_bus.AtDevices, f => f == HallBusFrames.Acknowledge(1, HallBusFunction.Key, key.Sequence));
    }

    [Fact]
    public async Task The_LED_strip_shows_what_the_host_sent()
    {
        var strip = _devices.AddLedStrip(201);
        var shown = new TaskCompletionSource<DisplayChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        strip.DisplayChanged += (_, e) => shown.TrySetResult(e);

        Assert.Equal(HallBusCommandResult.Acknowledged, await _host.ShowAsync(201, 0, "A001 请到1号窗口").WaitAsync(Timeout));
        Assert.Equal("A001 请到1号窗口", (await shown.Task.WaitAsync(Timeout)).Text);
        Assert.Equal(HallBusCommandResult.Acknowledged, await _host.ShowAsync(201, 1, "综合窗口 张三 0101").WaitAsync(Timeout));
        // A late reply to a resent first SHOW (a loaded machine missing 150 ms) can answer the second one early: the strip's
        // lines are what it shows once it has the second frame.
        await Eventually.TrueAsync(() => strip.Lines[1].Length > 0, Timeout);
        Assert.Equal(["A001 请到1号窗口", "综合窗口 张三 0101"], strip.Lines);
    }

    [Fact]
    public async Task An_evaluator_is_invited_and_its_rating_arrives_once()
    {
        var evaluator = _devices.AddEvaluator(101);
        Assert.Equal(HallBusCommandResult.Acknowledged, await _host.InviteAsync(101, 60).WaitAsync(Timeout));
        Assert.Equal(60, evaluator.LastInvitation!.Seconds);

        Assert.True(await evaluator.RateAsync(RatingLevel.VerySatisfied).WaitAsync(Timeout));
        await WaitUntilAsync(() => !_ratings.IsEmpty);
        var rating = Assert.Single(_ratings);
        Assert.Equal((101, RatingLevel.VerySatisfied, "非常满意"), (rating.Address, rating.Level, rating.Level.ChineseLabel()));
    }

    [Fact]
    public async Task A_device_that_stops_answering_goes_offline_and_comes_back_online_with_its_next_frame()
    {
        var caller = _devices.AddCaller(2);
        Assert.Equal(HallBusCommandResult.Acknowledged, await _host.PingAsync(2).WaitAsync(Timeout));
        Assert.Equal(DeviceLink.Online, _host.GetDeviceState(2)!.Link);

        caller.IsResponsive = false;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HallBusCommandResult.NoReply, await _host.PingAsync(2).WaitAsync(Timeout));
        }
        Assert.Equal(DeviceLink.Offline, _host.GetDeviceState(2)!.Link);

        caller.IsResponsive = true;
        // Whether the acknowledgement beats the caller's 150 ms wait depends on the machine's load; the frame reaching
        // the host is what brings the device back.
        await caller.PressAsync(HallBusKey.PauseResume).WaitAsync(Timeout);
        await WaitUntilAsync(() => _host.GetDeviceState(2)!.Link == DeviceLink.Online);
        Assert.Equal([DeviceLink.Online, DeviceLink.Offline, DeviceLink.Online],
            _deviceChanges.Where(c => c.Current.Address == 2).Select(c => c.Current.Link));
    }

    [Fact]
    public async Task Garbage_on_the_line_does_not_disturb_the_next_key_press()
    {
        var caller = _devices.AddCaller(4);
        await _bus.WriteAsync(new byte[] { 0xFF, 0x68, 0x04, 0x04, 0x68, 0x04, 0x10, 0x01, 0x01, 0x00, 0x16, 0x68, 0x68, 0x00 });
        Assert.True(await caller.PressAsync(HallBusKey.StartService).WaitAsync(Timeout));
        await WaitUntilAsync(() => !_keys.IsEmpty);
        Assert.Equal(HallBusKey.StartService, Assert.Single(_keys).Key);
        Assert.True(_host.IsConnected);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.TrueAsync(condition, Timeout);

    public async Task DisposeAsync() => await _bus.DisposeAsync();
}
