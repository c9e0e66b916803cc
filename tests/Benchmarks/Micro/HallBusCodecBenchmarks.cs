using BenchmarkDotNet.Attributes;
using Hall.Hardware.HallBus;

namespace Hall.Benchmarks.Micro;

/// <summary>BenchmarkDotNet's careful figures for the codec (full mode only: it takes a minute or more).</summary>
[MemoryDiagnoser]
public class HallBusCodecBenchmarks
{
    private readonly byte[] _buffer = new byte[HallBusFrameDecoder.MaxFrameBytes];
    private HallBusFrame[] _frames = [];
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        _frames = HallBusCodecThroughput.SampleFrames();
        _stream = HallBusCodecThroughput.SampleStream(100);
    }

    /// <summary>Encodes the six sample frames once.</summary>
    [Benchmark]
    public int EncodeSixFrames()
    {
        var total = 0;
        foreach (var f in _frames)
        {
            total += HallBusFrameEncoder.Encode(f.Address, f.Function, f.Data.Span, _buffer);
        }
        return total;
    }

    /// <summary>Decodes 600 frames (100 × the six samples) in 64-byte reads.</summary>
    [Benchmark(OperationsPerInvoke = 600)]
    public int DecodeStream()
    {
        var decoder = new HallBusFrameDecoder();
        var count = 0;
        for (var at = 0; at < _stream.Length; at += 64)
        {
            count += decoder.Feed(_stream.AsSpan(at, Math.Min(64, _stream.Length - at))).Count;
        }
        return count;
    }
}
