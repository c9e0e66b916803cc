using System.Diagnostics;
using Hall.Hardware.HallBus;

namespace Hall.Benchmarks.Micro;

/// <summary>
/// Frames per second through the hall bus codec, measured on a typical mixed stream (SHOW frames with a call in
/// Chinese, key presses, ratings, acknowledgements, wake-up bytes), fed to the decoder in 64-byte reads as a port gives them.
/// </summary>
public static class HallBusCodecThroughput
{
    public sealed record Result(double EncodeFramesPerSecond, double DecodeFramesPerSecond, double AverageFrameBytes,
        double FramesPerSecondOnWireAt9600);

    public static HallBusFrame[] SampleFrames() =>
    [
        HallBusFrames.Show(201, 0, "请A001号到1号窗口办理"),
        HallBusFrames.Key(1, 7, HallBusKey.CallNext),
        HallBusFrames.Acknowledge(1, HallBusFunction.Key, 7),
        HallBusFrames.Rating(101, 8, RatingLevel.VerySatisfied),
        HallBusFrames.Acknowledge(101, HallBusFunction.Rating, 8),
        HallBusFrames.Reply(201, HallBusFunction.Show),
    ];

    public static byte[] SampleStream(int repeats)
    {
        var frames = SampleFrames();
        using var stream = new MemoryStream();
        for (var i = 0; i < repeats; i++)
        {
            foreach (var frame in frames)
            {
                stream.WriteByte(HallBusFrameEncoder.WakeUpByte);
                stream.Write(HallBusFrameEncoder.Encode(frame));
            }
        }
        return stream.ToArray();
    }

    public static Result Run(TimeSpan budget)
    {
        var frames = SampleFrames();
        var averageBytes = frames.Average(f => HallBusFrameEncoder.Encode(f).Length + 1.0); // + the wake-up byte

        // Encode: into a reused buffer, as the writer does.
        var buffer = new byte[HallBusFrameDecoder.MaxFrameBytes];
        long encoded = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget / 2)
        {
            for (var i = 0; i < 1000; i++)
            {
                var f = frames[i % frames.Length];
                HallBusFrameEncoder.Encode(f.Address, f.Function, f.Data.Span, buffer);
            }
            encoded += 1000;
        }
        var encodeRate = encoded / clock.Elapsed.TotalSeconds;

        // Decode: a long stream in reads of 64 bytes.
        var stream = SampleStream(2000);
        var framesPerStream = 2000 * frames.Length;
        var decoder = new HallBusFrameDecoder();
        long decoded = 0;
        clock.Restart();
        while (clock.Elapsed < budget / 2)
        {
            for (var at = 0; at < stream.Length; at += 64)
            {
                decoded += decoder.Feed(stream.AsSpan(at, Math.Min(64, stream.Length - at))).Count;
            }
        }
        var decodeRate = decoded / clock.Elapsed.TotalSeconds;
        if (decoded % framesPerStream != 0 || decoder.RejectedFrames != 0)
        {
            throw new InvalidOperationException($"The decoder lost frames: {decoded} of multiples of {framesPerStream}, {decoder.RejectedFrames} rejected.");
        }
        return new Result(encodeRate, decodeRate, averageBytes, 9600 / 10.0 / averageBytes);
    }
}
