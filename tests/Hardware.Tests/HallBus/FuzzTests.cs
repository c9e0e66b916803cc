using Hall.Hardware.HallBus;
using Xunit;

namespace Hall.Hardware.Tests.HallBus;

/// <summary>Seeded random noise and corrupted frames: nothing throws, nothing acts except whole valid frames.</summary>
public sealed class FuzzTests
{
    public static TheoryData<int> Seeds => new() { 1, 2, 3, 42, 2024, 65535 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_decoded_frame_was_sent_whole_and_the_buffer_stays_bounded(int seed)
    {
        var random = new Random(seed);
        var input = new List<byte>();
        for (var i = 0; i < 2000; i++)
        {
            switch (random.Next(4))
            {
                case 0: input.AddRange(Noise(random, withStartBytes: true)); break;
                case 1: input.AddRange(HallBusFrameEncoder.Encode(RandomFrame(random))); break;
                case 2: input.AddRange(Corrupt(random, HallBusFrameEncoder.Encode(RandomFrame(random)))); break;
                default: input.AddRange(HallBusFrameEncoder.Encode(RandomFrame(random)).AsSpan(0, random.Next(1, 9))); break;
            }
        }
        var bytes = input.ToArray();
        var decoder = new HallBusFrameDecoder();
        var decoded = new List<HallBusFrame>();
        for (var offset = 0; offset < bytes.Length;)
        {
            var chunk = Math.Min(random.Next(1, 300), bytes.Length - offset);
            decoded.AddRange(decoder.Feed(bytes.AsSpan(offset, chunk)));
            Assert.InRange(decoder.PendingBytes, 0, HallBusFrameDecoder.MaxFrameBytes);
            offset += chunk;
        }
        Assert.NotEmpty(decoded);
        foreach (var frame in decoded)
        {
            Assert.True(bytes.AsSpan().IndexOf(HallBusFrameEncoder.Encode(frame)) >= 0, $"{frame} was never sent whole");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Valid_frames_between_noise_without_start_bytes_all_arrive_in_order(int seed)
    {
        var random = new Random(seed);
        var sent = new List<HallBusFrame>();
        var input = new List<byte>();
        for (var i = 0; i < 500; i++)
        {
            input.AddRange(Noise(random, withStartBytes: false));
            if (random.Next(3) == 0)
            {
                input.AddRange(Corrupt(random, HallBusFrameEncoder.Encode(DeviceFrame(random))));
                input.AddRange(Noise(random, withStartBytes: false));
            }
            var frame = RandomFrame(random);
            sent.Add(frame);
            input.AddRange(HallBusFrameEncoder.Encode(frame));
        }
        var decoder = new HallBusFrameDecoder();
        var bytes = input.ToArray();
        var decoded = new List<HallBusFrame>();
        for (var offset = 0; offset < bytes.Length;)
        {
            var chunk = Math.Min(random.Next(1, 64), bytes.Length - offset);
            decoded.AddRange(decoder.Feed(bytes.AsSpan(offset, chunk)));
            offset += chunk;
        }
        Assert.Equal(sent, decoded);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_frame_with_any_one_byte_changed_is_dropped(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var frame = HallBusFrameEncoder.Encode(DeviceFrame(random));
            Assert.Empty(new HallBusFrameDecoder().Feed(Corrupt(random, frame)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task The_host_survives_noise_acts_only_on_valid_frames_and_acknowledges_only_them(int seed)
    {
        var random = new Random(seed);
        await using var bus = new HostHarness();

        // Only garbage: the first thing the host sends afterwards is the sync PING, so nothing was acknowledged.
        for (var i = 0; i < 300; i++)
        {
            await bus.DeviceSendsAsync(random.Next(2) == 0
                ? Noise(random, withStartBytes: true)
                : Corrupt(random, HallBusFrameEncoder.Encode(DeviceFrame(random))));
        }
        await bus.DeviceSendsAsync(Noise(random, withStartBytes: false)); // let a pending bogus header run out
        await bus.SyncAsync();
        Assert.Empty(bus.Keys);
        Assert.Empty(bus.Ratings);
        Assert.Empty(bus.Statuses);

        // Valid key presses among noise: each acknowledged, each raised once.
        var sent = new List<KeyPress>();
        for (var i = 0; i < 50; i++)
        {
            var frame = HallBusFrames.Key((byte)random.Next(1, 248), (byte)i, (HallBusKey)random.Next(1, 10));
            sent.Add(new KeyPress(frame.Address, (byte)i, (HallBusKey)frame.Data.Span[1], null, default));
            await bus.DeviceSendsAsync([.. Noise(random, withStartBytes: false), .. HallBusFrameEncoder.Encode(frame)]);
            Assert.Equal(HallBusFrames.Acknowledge(frame.Address, HallBusFunction.Key, (byte)i), await bus.DeviceReceivesFrameAsync());
        }
        await bus.SyncAsync();
        Assert.Equal(sent, bus.Keys.Select(k => k with { ReceivedAt = default }));
        Assert.True(bus.Host.IsConnected);
    }

    private static byte[] Noise(Random random, bool withStartBytes)
    {
        var noise = new byte[random.Next(0, 40)];
        random.NextBytes(noise);
        if (!withStartBytes)
        {
            for (var i = 0; i < noise.Length; i++)
            {
                if (noise[i] == HallBusFrameEncoder.StartByte)
                {
                    noise[i] = HallBusFrameEncoder.WakeUpByte;
                }
            }
        }
        return noise;
    }

    private static HallBusFrame RandomFrame(Random random)
    {
        var data = new byte[random.Next(0, random.Next(2) == 0 ? 5 : HallBusFrame.MaxDataLength + 1)];
        random.NextBytes(data);
        return new HallBusFrame((byte)random.Next(256), (HallBusFunction)random.Next(256), data);
    }

    private static HallBusFrame DeviceFrame(Random random) => random.Next(3) switch
    {
        0 => HallBusFrames.Key((byte)random.Next(1, 248), (byte)random.Next(256), (HallBusKey)random.Next(1, 10)),
        1 => HallBusFrames.Rating((byte)random.Next(1, 248), (byte)random.Next(256), (RatingLevel)random.Next(1, 6)),
        _ => HallBusFrames.Status((byte)random.Next(1, 248), (byte)random.Next(256), (byte)random.Next(2)),
    };

    private static byte[] Corrupt(Random random, byte[] frame)
    {
        var copy = (byte[])frame.Clone();
        var index = random.Next(copy.Length);
        copy[index] ^= (byte)random.Next(1, 256);
        return copy;
    }
}
