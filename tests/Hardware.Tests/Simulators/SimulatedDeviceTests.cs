using Hall.Hardware.HallBus;
using Hall.Hardware.Simulators;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Hall.TestSupport.Time;
using Xunit;

namespace Hall.Hardware.Tests.Simulators;

/// <summary>The simulators' side of the protocol, with the test playing the host byte for byte.</summary>
public sealed class SimulatedDeviceTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TestTimeouts.Local;
    private readonly InMemoryNullModem _cable = new();
    private readonly ManualTimeProvider _time = new();
    private readonly SimulatedBus _bus;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private readonly HallBusFrameReader _host;

    public SimulatedDeviceTests()
    {
        _bus = new SimulatedBus(_cable.EndB, _time, new Random(5));
        _host = new HallBusFrameReader(_cable.EndA);
        _run = _bus.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task A_key_press_sends_a_KEY_frame_and_completes_on_the_acknowledgement()
    {
        var caller = _bus.AddCaller(1);
        var press = caller.PressAsync(HallBusKey.CallNext);
        var frame = await HostReceivesAsync();
        Assert.Equal((1, HallBusFunction.Key, 2), (frame.Address, frame.Function, frame.Data.Length));
        Assert.Equal((byte)HallBusKey.CallNext, frame.Data.Span[1]);
        await HostSendsAsync(HallBusFrames.Acknowledge(1, HallBusFunction.Key, frame.Sequence!.Value));
        Assert.True(await press.WaitAsync(Timeout));
        Assert.Equal(1, caller.FramesSent);
    }

    [Fact]
    public async Task Without_an_acknowledgement_the_same_frame_is_resent_three_times_after_20_to_80_ms_pauses()
    {
        var evaluator = _bus.AddEvaluator(101);
        var rate = evaluator.RateAsync(RatingLevel.Satisfied);
        var first = await HostReceivesAsync();
        for (var resend = 1; resend <= 3; resend++)
        {
            await _time.WaitForScheduledTimersAsync(1, Timeout);
            _time.Advance(TimeSpan.FromMilliseconds(150)); // no acknowledgement within 150 ms
            await _time.WaitForScheduledTimersAsync(1, Timeout);
            _time.Advance(TimeSpan.FromMilliseconds(19));
            Assert.Equal(1, _time.ScheduledTimerCount); // still pausing: at least 20 ms
            _time.Advance(TimeSpan.FromMilliseconds(61)); // at most 80 ms
            Assert.Equal(first, await HostReceivesAsync());
        }
        await _time.WaitForScheduledTimersAsync(1, Timeout);
        _time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.False(await rate.WaitAsync(Timeout));
        Assert.Equal(4, evaluator.FramesSent);
        Assert.Equal((byte)RatingLevel.Satisfied, first.Data.Span[1]);
    }

    [Fact]
    public async Task Each_new_press_has_a_new_sequence_byte()
    {
        var caller = _bus.AddCaller(2);
        var sequences = new List<byte>();
        for (var i = 0; i < 3; i++)
        {
            var press = caller.PressAsync(HallBusKey.Recall);
            var frame = await HostReceivesAsync();
            sequences.Add(frame.Sequence!.Value);
            await HostSendsAsync(HallBusFrames.Acknowledge(2, HallBusFunction.Key, frame.Sequence!.Value));
            Assert.True(await press.WaitAsync(Timeout));
        }
        Assert.Equal(3, sequences.Distinct().Count());
    }

    [Fact]
    public async Task An_acknowledgement_with_another_sequence_does_not_count()
    {
        var caller = _bus.AddCaller(3);
        var press = caller.PressAsync(HallBusKey.Finish);
        var frame = await HostReceivesAsync();
        await HostSendsAsync(HallBusFrames.Acknowledge(3, HallBusFunction.Key, (byte)(frame.Sequence!.Value + 1)));
        await _time.WaitForScheduledTimersAsync(1, Timeout);
        _time.Advance(TimeSpan.FromMilliseconds(150));
        await _time.WaitForScheduledTimersAsync(1, Timeout);
        _time.Advance(TimeSpan.FromMilliseconds(80));
        Assert.Equal(frame, await HostReceivesAsync()); // resent
        await HostSendsAsync(HallBusFrames.Acknowledge(3, HallBusFunction.Key, frame.Sequence!.Value));
        Assert.True(await press.WaitAsync(Timeout));
    }

    [Fact]
    public async Task An_LED_strip_answers_SHOW_and_keeps_both_lines()
    {
        var strip = _bus.AddLedStrip(201);
        var changes = new List<DisplayChange>();
        strip.DisplayChanged += (_, e) => changes.Add(e);

        await HostSendsAsync(HallBusFrames.Show(201, 0, "A001 请到1号窗口"));
        Assert.Equal(HallBusFrames.Reply(201, HallBusFunction.Show), await HostReceivesAsync());
        await HostSendsAsync(HallBusFrames.Show(201, 1, "张三 0101"));
        Assert.Equal(HallBusFrames.Reply(201, HallBusFunction.Show), await HostReceivesAsync());

        Assert.Equal(["A001 请到1号窗口", "张三 0101"], strip.Lines);
        Assert.Equal([0, 1], changes.Select(c => c.Line));
        Assert.Equal(["A001 请到1号窗口", "张三 0101"], changes[1].Lines);
    }

    [Fact]
    public async Task A_caller_counts_beeps_and_an_evaluator_remembers_the_invitation()
    {
        var caller = _bus.AddCaller(1);
        var evaluator = _bus.AddEvaluator(101);
        await HostSendsAsync(HallBusFrames.Beep(1, 2));
        Assert.Equal(HallBusFrames.Reply(1, HallBusFunction.Beep), await HostReceivesAsync());
        await HostSendsAsync(HallBusFrames.Invite(101, 30));
        Assert.Equal(HallBusFrames.Reply(101, HallBusFunction.Invite), await HostReceivesAsync());

        Assert.Equal(2, caller.BeepCount);
        Assert.Equal(30, evaluator.LastInvitation!.Seconds);
    }

    [Fact]
    public async Task PING_is_answered_with_STATUS_carrying_the_fault_flag()
    {
        var strip = _bus.AddLedStrip(202);
        await HostSendsAsync(HallBusFrames.Ping(202));
        var ok = await HostReceivesAsync();
        Assert.Equal((HallBusFunction.Status, (byte)0), (ok.Function, ok.Data.Span[1]));

        strip.HardwareFault = true;
        await HostSendsAsync(HallBusFrames.Ping(202));
        var fault = await HostReceivesAsync();
        Assert.Equal((byte)1, fault.Data.Span[1]);
        Assert.NotEqual(ok.Sequence, fault.Sequence);
    }

    [Fact]
    public async Task Frames_for_other_addresses_broadcasts_and_silent_devices_get_no_answer()
    {
        var strip = _bus.AddLedStrip(203);
        var silent = _bus.AddLedStrip(204);
        silent.IsResponsive = false;
        await HostSendsAsync(HallBusFrames.Show(99, 0, "not here"));
        await HostSendsAsync(HallBusFrames.Show(0, 0, "全体")); // broadcast: applied, not answered
        await HostSendsAsync(HallBusFrames.Ping(204));
        await HostSendsAsync(new HallBusFrame(203, HallBusFunction.Show)); // no line byte: malformed
        await HostSendsAsync(HallBusFrames.Ping(203));

        var only = await HostReceivesAsync(); // the first answer is to the last PING
        Assert.Equal((203, HallBusFunction.Status), (only.Address, only.Function));
        Assert.Equal("全体", strip.Lines[0]);
        Assert.Equal("", silent.Lines[0]);
    }

    [Fact]
    public void Addresses_are_unique_and_in_range()
    {
        _bus.AddCaller(1);
        Assert.Throws<ArgumentException>(() => _bus.AddEvaluator(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _bus.AddLedStrip(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _bus.AddLedStrip(248));
    }

    private async Task<HallBusFrame> HostReceivesAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await _host.ReadAsync(cts.Token) ?? throw new InvalidOperationException("line closed");
    }

    private async Task HostSendsAsync(HallBusFrame frame) => await _cable.EndA.WriteAsync(HallBusFrameEncoder.Encode(frame));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(Timeout);
        _cable.Dispose();
        _stop.Dispose();
    }
}
