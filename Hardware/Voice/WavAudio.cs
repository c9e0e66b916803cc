using System.Buffers.Binary;

namespace Hall.Hardware.Voice;

/// <summary>
/// Uncompressed PCM audio with its format, read from and written as a RIFF/WAVE file.
/// Reading is lenient about the sizes in the header, because a synthesizer writing to a pipe cannot fill them in.
/// </summary>
public sealed class WavAudio
{
    public WavAudio(int sampleRate, short channels, short bitsPerSample, byte[] samples)
    {
        if (sampleRate <= 0 || channels <= 0 || bitsPerSample is not (8 or 16 or 24 or 32))
        {
            throw new ArgumentException($"Unsupported PCM format: {sampleRate} Hz, {channels} channels, {bitsPerSample} bits.");
        }
        SampleRate = sampleRate;
        Channels = channels;
        BitsPerSample = bitsPerSample;
        Samples = samples;
    }

    public int SampleRate { get; }
    public short Channels { get; }
    public short BitsPerSample { get; }

    /// <summary>The PCM data (the <c>data</c> chunk).</summary>
    public byte[] Samples { get; }

    public int BlockAlign => Channels * BitsPerSample / 8;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / (SampleRate * BlockAlign));

    public static WavAudio Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }
        int? sampleRate = null;
        short channels = 0, bits = 0;
        var position = 12;
        while (position + 8 <= file.Length)
        {
            var id = file.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            var body = position + 8;
            var available = file.Length - body;
            // A streamed file says "as long as it gets" (0x7FFFFFFF or similar): take what is there.
            var length = size > (uint)available ? available : (int)size;
            if (id.SequenceEqual("fmt "u8))
            {
                var fmt = file.Slice(body, length);
                var format = BinaryPrimitives.ReadInt16LittleEndian(fmt);
                if (format != 1)
                {
                    throw new InvalidDataException($"WAVE format {format} is not PCM.");
                }
                channels = BinaryPrimitives.ReadInt16LittleEndian(fmt[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
                bits = BinaryPrimitives.ReadInt16LittleEndian(fmt[14..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate is null)
                {
                    throw new InvalidDataException("The data chunk comes before the fmt chunk.");
                }
                var blockAlign = channels * bits / 8;
                length -= length % blockAlign;
                return new WavAudio(sampleRate.Value, channels, bits, file.Slice(body, length).ToArray());
            }
            position = body + length + (length & 1);
        }
        throw new InvalidDataException("The WAVE file has no data chunk.");
    }

    /// <summary>This audio <paramref name="times"/> times with <paramref name="gap"/> of silence between, as one audio.</summary>
    public WavAudio Repeat(int times, TimeSpan gap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var gapBytes = (int)(gap.TotalSeconds * SampleRate) * BlockAlign;
        var result = new byte[Samples.Length * times + gapBytes * (times - 1)];
        var silence = BitsPerSample == 8 ? (byte)0x80 : (byte)0; // 8-bit PCM is unsigned: silence is the middle.
        var offset = 0;
        for (var i = 0; i < times; i++)
        {
            if (i > 0)
            {
                result.AsSpan(offset, gapBytes).Fill(silence);
                offset += gapBytes;
            }
            Samples.CopyTo(result, offset);
            offset += Samples.Length;
        }
        return new WavAudio(SampleRate, Channels, BitsPerSample, result);
    }

    /// <summary>A complete WAVE file with correct sizes.</summary>
    public byte[] ToFileBytes()
    {
        var file = new byte[44 + Samples.Length];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + Samples.Length);
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], Channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * BlockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], (short)BlockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], BitsPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], Samples.Length);
        Samples.CopyTo(span[44..]);
        return file;
    }
}
