using Hall.Hardware.HallBus;
using Xunit;
using static Hall.Hardware.Tests.HallBus.ProtocolExampleTests;

namespace Hall.Hardware.Tests.HallBus;

/// <summary>Byte captures replayed through the decoder and <see cref="DeviceEventParser"/>: what the host makes of each frame, no port or clock.</summary>
public sealed class DeviceEventParserTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_documented_device_frames_become_their_events()
    {
        Assert.Equal(new RatingPress(101, 7, RatingLevel.VerySatisfied, At), Single("FF FF 68 04 04 68 65 11 07 05 82 16"));
        Assert.Equal(new KeyPress(1, 1, HallBusKey.CallNext, null, At), Single("68 04 04 68 01 10 01 01 13 16"));
        Assert.Equal(new KeyPress(1, 5, HallBusKey.Transfer, 3, At), Single("68 05 05 68 01 10 05 09 03 22 16"));
        var status = Assert.IsType<StatusReport>(Single("68 04 04 68 65 12 09 01 81 16"));
        Assert.Equal((101, (byte)9, true), (status.Address, status.Sequence, status.HardwareFault));
        Assert.False(Assert.IsType<StatusReport>(Single("68 04 04 68 65 12 09 00 80 16")).HardwareFault);
    }

    [Fact]
    public void A_rating_with_reason_bytes_of_protocol_1_1_carries_them_in_order()
    {
        var press = Assert.IsType<RatingPress>(Single("68 06 06 68 66 11 09 02 01 03 86 16"));

        Assert.Equal(new RatingPress(102, 9, RatingLevel.Dissatisfied, At) { Reasons = [1, 3] }, press);
        Assert.NotEqual(new RatingPress(102, 9, RatingLevel.Dissatisfied, At), press);
        Assert.Equal(Hex("68 06 06 68 66 11 09 02 01 03 86 16"), HallBusFrameEncoder.Encode(HallBusFrames.Rating(0x66, 9, RatingLevel.Dissatisfied, 1, 3)));
        // More than eight reasons is no 1.1 frame: refused, not acted on.
        Assert.NotNull(Assert.Single(DeviceEventParser.Replay(HallBusFrameEncoder.Encode(
            new HallBusFrame(0x66, HallBusFunction.Rating, 10, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9)), At)).Rejection);
    }

    [Theory]
    [InlineData("68 03 03 68 65 91 07 FD 16")] // the host's acknowledgement, echoed by an RS-485 adapter
    [InlineData("68 02 02 68 C9 A0 69 16")] // a device's reply to SHOW
    [InlineData("68 02 02 68 65 23 88 16")] // PING: a host command seen on the line
    [InlineData("68 13 13 68 C9 20 00 41 30 30 31 20 C7 EB B5 BD 31 BA C5 B4 B0 BF DA AC 16")] // SHOW
    public void Replies_and_host_commands_are_no_device_events_and_no_refusals(string hex)
    {
        Assert.Equal(default, Assert.Single(DeviceEventParser.Replay(Hex(hex), At)));
    }

    [Theory]
    [InlineData("68 04 04 68 65 11 03 06 7F 16", "rating level out of 1-5")]
    [InlineData("68 04 04 68 65 11 03 00 79 16", "rating level out of 1-5")]
    [InlineData("68 04 04 68 01 10 02 7F 92 16", "unknown key code")]
    [InlineData("68 03 03 68 01 10 02 13 16", "wrong data length for its function")]
    [InlineData("68 04 04 68 00 10 02 01 13 16", "no device sends from this address")]
    [InlineData("68 04 04 68 F8 10 02 01 0B 16", "no device sends from this address")]
    public void Frames_whose_data_does_not_fit_are_refused_with_the_reason(string hex, string reason)
    {
        Assert.Equal(DeviceEventParse.Rejected(reason), Assert.Single(DeviceEventParser.Replay(Hex(hex), At)));
    }

    [Fact]
    public void A_captured_stretch_of_line_gives_its_events_in_order_noise_and_broken_frames_skipped()
    {
        var capture = Hex(
            "FF 68 04 04 68 01 10 01 01 13 16" + // caller 1: call next
            " 68 03 03 68 01 90 01 92 16" + // the host's acknowledgement
            " 00 68 68 04 04 68 02 10 03 02 00 16" + // noise, then a frame with a bad checksum
            " 68 04 04 68 02 10 03 02 17 16" + // caller 2: recall
            " 68 04 04 68 66 11 04 01 7C 16"); // evaluator 102: very dissatisfied

        var events = DeviceEventParser.Replay(capture, At).Select(p => p.Event).OfType<DeviceEvent>().ToList();

        Assert.Equal(
        [
            new KeyPress(1, 1, HallBusKey.CallNext, null, At),
            new KeyPress(2, 3, HallBusKey.Recall, null, At),
            new RatingPress(102, 4, RatingLevel.VeryDissatisfied, At),
        ], events);
    }

    [Fact]
    public void Every_frame_the_simulated_devices_build_parses_back_to_what_was_built()
    {
        foreach (var level in RatingLevels.All)
        {
            var parsed = DeviceEventParser.Parse(HallBusFrames.Rating(101, 8, level), At);
            Assert.Equal(new RatingPress(101, 8, level, At), parsed.Event);
        }
        foreach (var key in Enum.GetValues<HallBusKey>())
        {
            Assert.Equal(new KeyPress(1, 2, key, null, At), DeviceEventParser.Parse(HallBusFrames.Key(1, 2, key), At).Event);
        }
    }

    private static DeviceEvent Single(string hex)
    {
        var parsed = Assert.Single(DeviceEventParser.Replay(Hex(hex), At));
        Assert.Null(parsed.Rejection);
        return Assert.IsAssignableFrom<DeviceEvent>(parsed.Event);
    }
}
