using Hall.Hardware.HallBus;
using Xunit;

namespace Hall.Hardware.Tests.HallBus;

/// <summary>Every example of Hardware/HallBus/PROTOCOL.md, byte for byte, both ways.</summary>
public sealed class ProtocolExampleTests
{
    public static TheoryData<string, HallBusFrame> Examples => new()
    {
        { "68 04 04 68 65 11 07 05 82 16", HallBusFrames.Rating(101, 7, RatingLevel.VerySatisfied) },
        { "68 03 03 68 65 91 07 FD 16", HallBusFrames.Acknowledge(101, HallBusFunction.Rating, 7) },
        { "68 04 04 68 01 10 01 01 13 16", HallBusFrames.Key(1, 1, HallBusKey.CallNext) },
        { "68 03 03 68 01 90 01 92 16", HallBusFrames.Acknowledge(1, HallBusFunction.Key, 1) },
        { "68 13 13 68 C9 20 00 41 30 30 31 20 C7 EB B5 BD 31 BA C5 B4 B0 BF DA AC 16", HallBusFrames.Show(201, 0, "A001 请到1号窗口") },
        { "68 03 03 68 65 22 1E A5 16", HallBusFrames.Invite(101, 30) },
        { "68 02 02 68 65 23 88 16", HallBusFrames.Ping(101) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Encoding_gives_the_documented_bytes(string hex, HallBusFrame frame)
    {
        Assert.Equal(Hex(hex), HallBusFrameEncoder.Encode(frame));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Decoding_the_documented_bytes_gives_the_frame(string hex, HallBusFrame frame)
    {
        var decoded = Assert.Single(new HallBusFrameDecoder().Feed(Hex(hex)));
        Assert.Equal(frame, decoded);
    }

    [Fact]
    public void The_examples_mean_what_the_document_says()
    {
        var rating = new HallBusFrameDecoder().Feed(Hex("68 04 04 68 65 11 07 05 82 16"))[0];
        Assert.Equal(0x65, rating.Address);
        Assert.Equal(HallBusFunction.Rating, rating.Function);
        Assert.Equal((byte)7, rating.Sequence);
        Assert.Equal("非常满意", ((RatingLevel)rating.Data.Span[1]).ChineseLabel());

        var show = new HallBusFrameDecoder().Feed(Hex("68 13 13 68 C9 20 00 41 30 30 31 20 C7 EB B5 BD 31 BA C5 B4 B0 BF DA AC 16"))[0];
        Assert.Equal(201, show.Address);
        Assert.Equal(0, show.Data.Span[0]);
        Assert.Equal("A001 请到1号窗口", HallBusText.Decode(show.Data.Span[1..]));
    }

    [Fact]
    public void A_device_reply_to_a_command_is_F_with_bit_7_and_no_data()
    {
        Assert.Equal(Hex("68 02 02 68 C9 A0 69 16"), HallBusFrameEncoder.Encode(HallBusFrames.Reply(201, HallBusFunction.Show)));
        Assert.Equal(Hex("68 04 04 68 65 12 09 01 81 16"), HallBusFrameEncoder.Encode(HallBusFrames.Status(101, 9, 0x01)));
    }

    [Fact]
    public void A_transfer_key_carries_the_window_as_its_argument()
    {
        // 01 + 10 + 05 + 09 + 03 = 0x22
        Assert.Equal(Hex("68 05 05 68 01 10 05 09 03 22 16"), HallBusFrameEncoder.Encode(HallBusFrames.Key(1, 5, HallBusKey.Transfer, 3)));
    }

    [Fact]
    public void The_help_key_of_protocol_1_1_is_the_documented_frame()
    {
        // 02 + 10 + 05 + 0A = 0x21
        Assert.Equal(Hex("68 04 04 68 02 10 05 0A 21 16"), HallBusFrameEncoder.Encode(HallBusFrames.Key(2, 5, HallBusKey.Help)));
        Assert.Equal(new KeyPress(2, 5, HallBusKey.Help, null, default),
            Assert.Single(DeviceEventParser.Replay(Hex("68 04 04 68 02 10 05 0A 21 16"), default)).Event);
    }

    [Fact]
    public void Rating_labels_are_the_five_levels_of_the_domain()
    {
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], RatingLevels.All.Select(l => l.ChineseLabel()));
        Assert.Equal(["Very satisfied", "Satisfied", "Fairly satisfied", "Dissatisfied", "Very dissatisfied"], RatingLevels.All.Select(l => l.EnglishLabel()));
        Assert.Equal([5, 4, 3, 2, 1], RatingLevels.All.Select(l => (int)l));
        Assert.True(RatingLevel.Dissatisfied.IsBad());
        Assert.False(RatingLevel.FairlySatisfied.IsBad());
    }

    [Fact]
    public void Show_text_is_cut_to_64_bytes_on_a_character_boundary()
    {
        var text = "A" + new string('窗', 40); // 1 + 80 bytes in GB18030
        var frame = HallBusFrames.Show(201, 1, text);
        var encodedText = frame.Data.Span[1..];
        Assert.Equal(63, encodedText.Length); // 64 would split a two-byte character
        Assert.Equal("A" + new string('窗', 31), HallBusText.Decode(encodedText));

        var fourByte = HallBusText.Encode(new string('A', 62) + "𠀀"); // a four-byte GB18030 character does not fit
        Assert.Equal(62, fourByte.Length);
        Assert.Equal(64, HallBusText.Encode(new string('A', 60) + "𠀀").Length);
    }

    [Fact]
    public void GB18030_matches_the_environment_notes()
    {
        Assert.Equal(Hex("D5 FE CE F1 B7 FE CE F1"), HallBusText.Encode("政务服务"));
    }

    internal static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
