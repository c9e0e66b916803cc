using Hall.Hardware.HallBus;
using Xunit;
using static Hall.Hardware.Tests.HallBus.ProtocolExampleTests;

namespace Hall.Hardware.Tests.HallBus;

public sealed class FrameDecoderTests
{
    private static readonly byte[] CallNext = Hex("68 04 04 68 01 10 01 01 13 16");
    private static readonly byte[] Rating = Hex("68 04 04 68 65 11 07 05 82 16");

    [Fact]
    public void Wake_up_bytes_before_a_frame_are_skipped()
    {
        var decoder = new HallBusFrameDecoder();
        var frame = Assert.Single(decoder.Feed([0xFF, 0xFF, 0xFF, .. CallNext]));
        Assert.Equal(HallBusFrames.Key(1, 1, HallBusKey.CallNext), frame);
        Assert.Equal(3, decoder.DiscardedBytes);
    }

    [Fact]
    public void Garbage_before_and_between_frames_is_skipped()
    {
        byte[] garbage = [0x00, 0x68, 0x13, 0x16, 0x68, 0x68, 0x04, 0x05, 0x68, 0xAA];
        var frames = new HallBusFrameDecoder().Feed([.. garbage, .. CallNext, .. garbage, 0x68, 0x68, .. Rating, 0x16]);
        Assert.Equal([HallBusFrames.Key(1, 1, HallBusKey.CallNext), HallBusFrames.Rating(101, 7, RatingLevel.VerySatisfied)], frames);
    }

    [Fact]
    public void A_frame_split_across_reads_is_put_together()
    {
        byte[] stream = [.. CallNext, .. Rating];
        for (var split = 1; split < stream.Length; split++)
        {
            var decoder = new HallBusFrameDecoder();
            var frames = decoder.Feed(stream.AsSpan(0, split)).Concat(decoder.Feed(stream.AsSpan(split))).ToList();
            Assert.Equal(2, frames.Count);
        }

        var byteByByte = new HallBusFrameDecoder();
        var all = stream.SelectMany(b => byteByByte.Feed([b])).ToList();
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void A_bad_checksum_drops_the_frame_and_the_next_one_still_arrives()
    {
        var bad = (byte[])CallNext.Clone();
        bad[8] ^= 0x01;
        var decoder = new HallBusFrameDecoder();
        Assert.Equal([HallBusFrames.Rating(101, 7, RatingLevel.VerySatisfied)], decoder.Feed([.. bad, .. Rating]));
        Assert.Equal(1, decoder.RejectedFrames);
    }

    [Fact]
    public void A_bad_end_byte_drops_the_frame()
    {
        var bad = (byte[])CallNext.Clone();
        bad[^1] = 0x17;
        Assert.Empty(new HallBusFrameDecoder().Feed(bad));
        Assert.Single(new HallBusFrameDecoder().Feed([.. bad, .. Rating]));
    }

    [Fact]
    public void Unequal_lengths_or_a_missing_second_start_byte_are_not_a_frame()
    {
        Assert.Empty(new HallBusFrameDecoder().Feed(Hex("68 04 05 68 01 10 01 01 13 16")));
        Assert.Empty(new HallBusFrameDecoder().Feed(Hex("68 04 04 69 01 10 01 01 13 16")));
        Assert.Single(new HallBusFrameDecoder().Feed([.. Hex("68 04 05 68 01 10 01"), .. CallNext]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(203)]
    [InlineData(255)]
    public void Lengths_outside_2_to_202_are_not_a_frame(int length)
    {
        var decoder = new HallBusFrameDecoder();
        var header = new byte[] { 0x68, (byte)length, (byte)length, 0x68, 0x01, 0x10, 0x01, 0x01, 0x13, 0x16 };
        Assert.Empty(decoder.Feed(header));
        Assert.Equal(0, decoder.PendingBytes);
        Assert.Single(decoder.Feed(CallNext));
    }

    [Fact]
    public void The_longest_frame_decodes()
    {
        var data = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        var bytes = HallBusFrameEncoder.Encode(5, HallBusFunction.Show, data);
        Assert.Equal(208, bytes.Length);
        Assert.Equal(data, Assert.Single(new HallBusFrameDecoder().Feed(bytes)).Data.ToArray());
    }

    [Fact]
    public void A_truncated_frame_followed_by_a_whole_one_gives_only_the_whole_one()
    {
        var frames = new HallBusFrameDecoder().Feed([.. CallNext.AsSpan(0, 6), .. Rating]);
        Assert.Equal([HallBusFrames.Rating(101, 7, RatingLevel.VerySatisfied)], frames);
    }

    [Fact]
    public void A_header_announcing_a_long_frame_does_not_hide_the_frame_after_it()
    {
        // 68 CA CA 68 announces 202 bytes; a device's frame that follows must not wait behind it.
        var decoder = new HallBusFrameDecoder();
        var frames = decoder.Feed([.. Hex("68 CA CA 68 01"), .. CallNext]);
        Assert.Equal([HallBusFrames.Key(1, 1, HallBusKey.CallNext)], frames);
        Assert.Equal(0, decoder.PendingBytes);
    }

    [Fact]
    public void A_truncated_frame_alone_is_held_not_reported()
    {
        var decoder = new HallBusFrameDecoder();
        Assert.Empty(decoder.Feed(CallNext.AsSpan(0, 9)));
        Assert.Equal(9, decoder.PendingBytes);
        decoder.Reset();
        Assert.Equal(0, decoder.PendingBytes);
    }

    [Fact]
    public void A_flood_of_noise_keeps_the_buffer_bounded()
    {
        var decoder = new HallBusFrameDecoder();
        var random = new Random(7);
        var noise = new byte[100_000];
        random.NextBytes(noise);
        for (var i = 0; i < noise.Length; i += 997)
        {
            decoder.Feed(noise.AsSpan(i, Math.Min(997, noise.Length - i)));
            Assert.InRange(decoder.PendingBytes, 0, HallBusFrameDecoder.MaxFrameBytes);
        }
        // A valid frame after the flood still gets through once the line is quiet long enough to resync.
        var after = decoder.Feed([.. CallNext, .. CallNext]);
        Assert.Contains(HallBusFrames.Key(1, 1, HallBusKey.CallNext), after);
    }

    [Fact]
    public async Task The_reader_returns_frames_from_a_stream_then_null_at_its_end()
    {
        using var stream = new MemoryStream([0xFF, .. CallNext, 0x00, .. Rating]);
        var reader = new HallBusFrameReader(stream);
        Assert.Equal(HallBusFunction.Key, (await reader.ReadAsync())!.Function);
        Assert.Equal(HallBusFunction.Rating, (await reader.ReadAsync())!.Function);
        Assert.Null(await reader.ReadAsync());
    }
}
