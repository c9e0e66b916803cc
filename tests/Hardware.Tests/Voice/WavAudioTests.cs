using System.Buffers.Binary;
using Hall.Hardware.Voice;
using Xunit;

namespace Hall.Hardware.Tests.Voice;

public sealed class WavAudioTests
{
    [Fact]
    public void A_written_file_reads_back_the_same()
    {
        var audio = new WavAudio(22050, 1, 16, [1, 0, 2, 0, 3, 0]);
        var file = audio.ToFileBytes();

        Assert.Equal("RIFF"u8.ToArray(), file[..4]);
        Assert.Equal(36 + 6, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal("WAVE"u8.ToArray(), file[8..12]);
        var back = WavAudio.Parse(file);
        Assert.Equal(22050, back.SampleRate);
        Assert.Equal(audio.Samples, back.Samples);
    }

    [Fact]
    public void A_streamed_file_with_unknown_sizes_is_read_to_its_end()
    {
        var file = new WavAudio(8000, 1, 16, [5, 0, 6, 0]).ToFileBytes();
        // What a synthesizer writing to a pipe puts in: "as long as it gets".
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), 0x7FFFFFFF);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(40), 0x7FFFFFFF);

        Assert.Equal(new byte[] { 5, 0, 6, 0 }, WavAudio.Parse(file).Samples);
    }

    [Fact]
    public void Repeat_puts_silence_between_the_copies()
    {
        var audio = new WavAudio(1000, 1, 16, [9, 9]);
        var twice = audio.Repeat(2, TimeSpan.FromMilliseconds(3));

        Assert.Equal(new byte[] { 9, 9, 0, 0, 0, 0, 0, 0, 9, 9 }, twice.Samples);
    }

    [Fact]
    public void Not_a_wave_file_is_refused() =>
        Assert.Throws<InvalidDataException>(() => WavAudio.Parse("hello, this is not audio"u8));
}
