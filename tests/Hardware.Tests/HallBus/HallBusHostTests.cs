using Hall.Hardware.HallBus;
using Hall.TestSupport.Serial;
using Hall.TestSupport.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static Hall.Hardware.Tests.HallBus.ProtocolExampleTests;

namespace Hall.Hardware.Tests.HallBus;

public sealed class HallBusHostTests
{
    [Fact]
    public async Task A_caller_key_is_acknowledged_with_the_exact_bytes_and_raised_once()
    {
        await using var bus = new HostHarness();
        await bus.DeviceSendsAsync(Hex("68 04 04 68 01 10 01 01 13 16"));

        Assert.Equal(Hex("68 03 03 68 01 90 01 92 16"), await bus.DeviceReceivesBytesAsync(9));
        await bus.SyncAsync();
        var key = Assert.Single(bus.Keys);
        Assert.Equal((1, (byte)1, HallBusKey.CallNext, (byte?)null), (key.Address, key.Sequence, key.Key, key.Argument));
        Assert.Equal(bus.Time.GetUtcNow(), key.ReceivedAt);
    }

    [Fact]
    public async Task An_evaluator_rating_is_acknowledged_with_the_exact_bytes_and_raised_once()
    {
        await using var bus = new HostHarness();
        await bus.DeviceSendsAsync(Hex("FF FF 68 04 04 68 65 11 07 05 82 16"));

        Assert.Equal(Hex("68 03 03 68 65 91 07 FD 16"), await bus.DeviceReceivesBytesAsync(9));
        await bus.SyncAsync();
        var rating = Assert.Single(bus.Ratings);
        Assert.Equal((101, RatingLevel.VerySatisfied), (rating.Address, rating.Level));
    }

    [Fact]
    public async Task A_transfer_key_carries_its_window_argument()
    {
        await using var bus = new HostHarness();
        await bus.DeviceSendsAsync(HallBusFrames.Key(3, 40, HallBusKey.Transfer, 5));
        Assert.Equal(HallBusFrames.Acknowledge(3, HallBusFunction.Key, 40), await bus.DeviceReceivesFrameAsync());
        await bus.SyncAsync();
        Assert.Equal((byte?)5, Assert.Single(bus.Keys).Argument);
    }

    [Fact]
    public async Task A_resent_frame_is_acknowledged_again_but_acts_once_until_ten_seconds_have_passed()
    {
        await using var bus = new HostHarness();
        var frame = HallBusFrames.Key(1, 9, HallBusKey.Finish);
        var ack = HallBusFrames.Acknowledge(1, HallBusFunction.Key, 9);

        await bus.DeviceSendsAsync(frame);
        Assert.Equal(ack, await bus.DeviceReceivesFrameAsync());
        await bus.DeviceSendsAsync(frame);
        Assert.Equal(ack, await bus.DeviceReceivesFrameAsync());
        bus.Time.Advance(TimeSpan.FromSeconds(9.9));
        await bus.DeviceSendsAsync(frame);
        Assert.Equal(ack, await bus.DeviceReceivesFrameAsync());
        await bus.SyncAsync();
        Assert.Single(bus.Keys);

        bus.Time.Advance(TimeSpan.FromSeconds(0.1)); // 10 s after the first: the same S is a new event
        await bus.DeviceSendsAsync(frame);
        Assert.Equal(ack, await bus.DeviceReceivesFrameAsync());
        await bus.SyncAsync();
        Assert.Equal(2, bus.Keys.Count);
    }

    [Fact]
    public async Task The_same_sequence_from_another_address_is_a_different_event()
    {
        await using var bus = new HostHarness();
        await bus.DeviceSendsAsync(HallBusFrames.Key(1, 9, HallBusKey.CallNext));
        await bus.DeviceSendsAsync(HallBusFrames.Key(2, 9, HallBusKey.CallNext));
        await bus.DeviceReceivesFrameAsync();
        await bus.DeviceReceivesFrameAsync();
        await bus.SyncAsync();
        Assert.Equal([1, 2], bus.Keys.Select(k => k.Address));
    }

    [Fact]
    public async Task Broken_or_meaningless_frames_are_not_acknowledged_and_raise_nothing()
    {
        await using var bus = new HostHarness();
        await bus.DeviceSendsAsync(Hex("68 04 04 68 01 10 01 01 14 16")); // bad checksum
        await bus.DeviceSendsAsync(Hex("68 04 04 68 01 10 01 01 13 17")); // bad end byte
        await bus.DeviceSendsAsync(Hex("68 04 04 68 01 10 01")); // truncated
        await bus.DeviceSendsAsync(HallBusFrames.Key(1, 2, (HallBusKey)0x33)); // unknown key
        await bus.DeviceSendsAsync(HallBusFrames.Rating(101, 3, (RatingLevel)6)); // no such level
        await bus.DeviceSendsAsync(new HallBusFrame(101, HallBusFunction.Rating, 3)); // no level byte
        await bus.DeviceSendsAsync(new HallBusFrame(0, HallBusFunction.Key, 1, 1)); // from the broadcast address
        await bus.DeviceSendsAsync(HallBusFrames.Show(201, 0, "echo")); // a command seen on the line

        await bus.SyncAsync(); // the next thing the host sends is the sync PING: nothing was acknowledged
        Assert.Empty(bus.Keys);
        Assert.Empty(bus.Ratings);
    }

    [Fact]
    public async Task A_failing_event_handler_does_not_stop_the_bus()
    {
        await using var bus = new HostHarness();
        bus.Host.KeyPressed += (_, _) => throw new InvalidOperationException("handler bug");
        await bus.DeviceSendsAsync(HallBusFrames.Key(1, 1, HallBusKey.CallNext));
        await bus.DeviceReceivesFrameAsync();
        await bus.DeviceSendsAsync(HallBusFrames.Key(1, 2, HallBusKey.Recall));
        Assert.Equal(HallBusFrames.Acknowledge(1, HallBusFunction.Key, 2), await bus.DeviceReceivesFrameAsync());
        await bus.SyncAsync();
        Assert.Equal(2, bus.Keys.Count);
    }

    [Fact]
    public async Task Show_sends_the_exact_frame_and_completes_on_the_reply()
    {
        await using var bus = new HostHarness();
        var show = bus.Host.ShowAsync(201, 0, "A001 请到1号窗口");
        Assert.Equal(Hex("68 13 13 68 C9 20 00 41 30 30 31 20 C7 EB B5 BD 31 BA C5 B4 B0 BF DA AC 16"), await bus.DeviceReceivesBytesAsync(25));
        await bus.DeviceSendsAsync(Hex("68 02 02 68 C9 A0 69 16"));
        Assert.Equal(HallBusCommandResult.Acknowledged, await show.WaitAsync(HostHarness.Timeout));
    }

    [Fact]
    public async Task Invite_and_ping_send_the_documented_bytes()
    {
        await using var bus = new HostHarness();
        var invite = bus.Host.InviteAsync(101, 30);
        Assert.Equal(Hex("68 03 03 68 65 22 1E A5 16"), await bus.DeviceReceivesBytesAsync(9));
        await bus.DeviceSendsAsync(HallBusFrames.Reply(101, HallBusFunction.Invite));
        Assert.Equal(HallBusCommandResult.Acknowledged, await invite.WaitAsync(HostHarness.Timeout));

        var ping = bus.Host.PingAsync(101);
        Assert.Equal(Hex("68 02 02 68 65 23 88 16"), await bus.DeviceReceivesBytesAsync(8));
        await bus.DeviceSendsAsync(HallBusFrames.Status(101, 12, 0));
        Assert.Equal(HallBusCommandResult.Acknowledged, await ping.WaitAsync(HostHarness.Timeout));
        // STATUS is a device frame: acknowledged like the others
        Assert.Equal(HallBusFrames.Acknowledge(101, HallBusFunction.Status, 12), await bus.DeviceReceivesFrameAsync());
    }

    [Fact]
    public async Task An_unanswered_command_is_sent_three_times_150_ms_apart_then_reports_no_reply()
    {
        await using var bus = new HostHarness();
        var beep = bus.Host.BeepAsync(7, 2);
        var sentAt = new List<DateTimeOffset>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HallBusFrames.Beep(7, 2), await bus.DeviceReceivesFrameAsync());
            sentAt.Add(bus.Time.GetUtcNow());
            await bus.LetReplyTimeoutPassAsync();
        }
        Assert.Equal(HallBusCommandResult.NoReply, await beep.WaitAsync(HostHarness.Timeout));
        Assert.Equal([TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(150)], sentAt.Zip(sentAt.Skip(1), (a, b) => b - a));

        await bus.SyncAsync(); // nothing else was sent in between: the next frame is the sync PING
    }

    [Fact]
    public async Task A_reply_to_the_second_try_completes_the_command()
    {
        await using var bus = new HostHarness();
        var show = bus.Host.ShowAsync(201, 1, "暂停服务");
        await bus.DeviceReceivesFrameAsync();
        await bus.LetReplyTimeoutPassAsync();
        await bus.DeviceReceivesFrameAsync();
        await bus.DeviceSendsAsync(HallBusFrames.Reply(201, HallBusFunction.Show));
        Assert.Equal(HallBusCommandResult.Acknowledged, await show.WaitAsync(HostHarness.Timeout));
    }

    [Fact]
    public async Task A_broadcast_is_sent_once_and_never_awaited()
    {
        await using var bus = new HostHarness();
        Assert.Equal(HallBusCommandResult.Broadcast, await bus.Host.SendAsync(HallBusFrames.Beep(0, 1)).WaitAsync(HostHarness.Timeout));
        Assert.Equal(HallBusFrames.Beep(0, 1), await bus.DeviceReceivesFrameAsync());
        Assert.Equal(0, bus.Time.ScheduledTimerCount);
    }

    [Fact]
    public async Task Three_unanswered_pings_in_a_row_mark_a_device_offline_and_its_next_frame_online_again()
    {
        await using var bus = new HostHarness();
        await bus.DeviceSendsAsync(HallBusFrames.Key(5, 1, HallBusKey.CallNext));
        await bus.DeviceReceivesFrameAsync();
        await bus.SyncAsync();
        Assert.Equal(DeviceLink.Online, bus.Host.GetDeviceState(5)!.Link);

        for (var ping = 1; ping <= 3; ping++)
        {
            var result = bus.Host.PingAsync(5);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                Assert.Equal(HallBusFrames.Ping(5), await bus.DeviceReceivesFrameAsync());
                await bus.LetReplyTimeoutPassAsync();
            }
            Assert.Equal(HallBusCommandResult.NoReply, await result.WaitAsync(HostHarness.Timeout));
            Assert.Equal(ping < 3 ? DeviceLink.Online : DeviceLink.Offline, bus.Host.GetDeviceState(5)!.Link);
        }
        var offline = bus.DeviceChanges.Last();
        Assert.Equal((5, DeviceLink.Online, DeviceLink.Offline), (offline.Current.Address, offline.Previous.Link, offline.Current.Link));

        await bus.DeviceSendsAsync(HallBusFrames.Key(5, 2, HallBusKey.Recall));
        await bus.DeviceReceivesFrameAsync();
        await bus.SyncAsync();
        Assert.Equal(DeviceLink.Online, bus.DeviceChanges.Last(c => c.Current.Address == 5).Current.Link);
    }

    [Fact]
    public async Task An_answered_ping_resets_the_count()
    {
        await using var bus = new HostHarness();
        for (var round = 0; round < 2; round++)
        {
            var unanswered = bus.Host.PingAsync(6);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await bus.DeviceReceivesFrameAsync();
                await bus.LetReplyTimeoutPassAsync();
            }
            await unanswered;
        }
        Assert.Equal(2, bus.Host.GetDeviceState(6)!.UnansweredPings);
        Assert.Equal(DeviceLink.Unknown, bus.Host.GetDeviceState(6)!.Link);

        var answered = bus.Host.PingAsync(6);
        await bus.DeviceReceivesFrameAsync();
        await bus.DeviceSendsAsync(HallBusFrames.Status(6, 1, 0));
        Assert.Equal(HallBusCommandResult.Acknowledged, await answered.WaitAsync(HostHarness.Timeout));
        Assert.Equal(0, bus.Host.GetDeviceState(6)!.UnansweredPings);
        Assert.Equal(DeviceLink.Online, bus.Host.GetDeviceState(6)!.Link);
    }

    [Fact]
    public async Task A_status_with_the_fault_bit_reports_a_hardware_fault()
    {
        await using var bus = new HostHarness();
        var ping = bus.Host.PingAsync(101);
        await bus.DeviceReceivesFrameAsync();
        await bus.DeviceSendsAsync(HallBusFrames.Status(101, 77, 0x01));
        await ping.WaitAsync(HostHarness.Timeout);
        await bus.DeviceReceivesFrameAsync(); // the STATUS acknowledgement
        await bus.SyncAsync();

        var status = Assert.Single(bus.Statuses);
        Assert.True(status.HardwareFault);
        Assert.True(bus.Host.GetDeviceState(101)!.HardwareFault);
        Assert.Contains(bus.DeviceChanges, c => c.Current.Address == 101 && c.Current.HardwareFault);
    }

    [Fact]
    public async Task The_ping_loop_pings_the_configured_devices_every_interval()
    {
        await using var bus = new HostHarness(o =>
        {
            o.PingAddresses.Add(101);
            o.PingAddresses.Add(102);
            o.PingInterval = TimeSpan.FromSeconds(5);
        });
        Assert.All(bus.Host.DeviceStates, d => Assert.Equal(DeviceLink.Unknown, d.Link));
        for (var round = 0; round < 2; round++)
        {
            foreach (var address in new byte[] { 101, 102 })
            {
                Assert.Equal(HallBusFrames.Ping(address), await bus.DeviceReceivesFrameAsync());
                await bus.DeviceSendsAsync(HallBusFrames.Status(address, (byte)(round + 1), 0));
                Assert.Equal(HallBusFunction.Status | (HallBusFunction)0x80, (await bus.DeviceReceivesFrameAsync()).Function);
            }
            await bus.Time.WaitForScheduledTimersAsync(1); // the loop waits for its next tick
            bus.Time.Advance(TimeSpan.FromSeconds(5));
        }
        Assert.All(bus.Host.DeviceStates, d => Assert.Equal(DeviceLink.Online, d.Link));
    }

    [Fact]
    public async Task Over_a_single_stream_run_ends_with_an_io_error_when_the_line_is_lost()
    {
        await using var bus = new HostHarness();
        var changes = new List<BusConnectionChange>();
        bus.Host.ConnectionChanged += (_, e) => changes.Add(e);
        bus.Modem.Unplug();
        await Assert.ThrowsAnyAsync<IOException>(() => bus.Run.WaitAsync(HostHarness.Timeout));
        Assert.False(Assert.Single(changes).Connected);
        Assert.False(bus.Host.IsConnected);
        Assert.Equal(HallBusCommandResult.PortUnavailable, await bus.Host.ShowAsync(201, 0, "x"));
    }

    [Fact]
    public async Task With_a_stream_factory_the_host_reopens_a_lost_port_after_a_delay()
    {
        var time = new ManualTimeProvider();
        var cables = new List<InMemoryNullModem>();
        var opened = 0;
        var failOpens = 1;
        var host = new HallBusHost(_ =>
        {
            opened++;
            if (opened == 2 && failOpens-- > 0)
            {
                throw new IOException("adapter not plugged in yet");
            }
            var cable = new InMemoryNullModem();
            lock (cables) { cables.Add(cable); }
            return ValueTask.FromResult(cable.EndA);
        }, time, NullLogger<HallBusHost>.Instance, new HallBusHostOptions { Name = "reopening" });
        var connections = new List<BusConnectionChange>();
        var connected = new SemaphoreSlim(0);
        host.ConnectionChanged += (_, e) => { lock (connections) { connections.Add(e); } if (e.Connected) { connected.Release(); } };
        var keys = new List<KeyPress>();
        var keyRaised = new SemaphoreSlim(0);
        host.KeyPressed += (_, e) => { lock (keys) { keys.Add(e); } keyRaised.Release(); };
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);

        Assert.True(await connected.WaitAsync(HostHarness.Timeout));
        cables[0].Unplug();
        await time.WaitForScheduledTimersAsync(1); // waiting 1 s before reopening
        time.Advance(TimeSpan.FromSeconds(1)); // the open fails: waits 2 s now
        await time.WaitForScheduledTimersAsync(1);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await connected.WaitAsync(HostHarness.Timeout));
        Assert.Equal(3, opened);

        var device = cables[1].EndB;
        await device.WriteAsync(HallBusFrameEncoder.Encode(HallBusFrames.Key(1, 1, HallBusKey.CallNext)));
        var ack = new byte[9];
        await device.ReadExactlyAsync(ack).AsTask().WaitAsync(HostHarness.Timeout);
        Assert.Equal(Hex("68 03 03 68 01 90 01 92 16"), ack);
        Assert.True(await keyRaised.WaitAsync(HostHarness.Timeout));
        Assert.Single(keys);
        Assert.Equal([true, false, false, true], connections.Select(c => c.Connected));

        await stop.CancelAsync();
        await run.WaitAsync(HostHarness.Timeout); // cancellation ends it normally
        foreach (var cable in cables)
        {
            cable.Dispose();
        }
    }
}
