using Hall.Hardware.IdCard;
using Hall.Hardware.Simulators;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Hall.TestSupport.Time;
using Xunit;

namespace Hall.Hardware.Tests.IdCard;

/// <summary>Seeded random noise, corrupted and truncated answers: nothing throws, only whole valid frames come out, no card is read from junk.</summary>
public sealed class IdCardFuzzTests
{
    public static TheoryData<int> Seeds => new() { 1, 2, 3, 42, 2024, 65535 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_decoded_frame_was_sent_whole_and_the_buffer_stays_bounded(int seed)
    {
        var random = new Random(seed);
        var input = new List<byte>();
        for (var i = 0; i < 1500; i++)
        {
            switch (random.Next(4))
            {
                case 0: input.AddRange(Noise(random, withPreambles: true)); break;
                case 1: input.AddRange(RandomAnswer(random)); break;
                case 2: input.AddRange(Corrupt(random, RandomAnswer(random))); break;
                default: input.AddRange(RandomAnswer(random).AsSpan(0, random.Next(1, 12))); break;
            }
        }
        var bytes = input.ToArray();
        var decoder = IdCardFrameDecoder.ForAnswers();
        var decoded = new List<IdCardFrame>();
        for (var offset = 0; offset < bytes.Length;)
        {
            var chunk = Math.Min(random.Next(1, 300), bytes.Length - offset);
            decoded.AddRange(decoder.Feed(bytes.AsSpan(offset, chunk)));
            Assert.InRange(decoder.PendingBytes, 0, decoder.MaxFrameBytes);
            offset += chunk;
        }
        Assert.NotEmpty(decoded);
        foreach (var frame in decoded)
        {
            Assert.True(bytes.AsSpan().IndexOf(IdCardFrames.Encode(frame.Body.Span)) >= 0, $"{frame} was never sent whole");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Valid_answers_between_noise_and_broken_answers_all_arrive_in_order(int seed)
    {
        var random = new Random(seed);
        var sent = new List<IdCardFrame>();
        var input = new List<byte>();
        for (var i = 0; i < 400; i++)
        {
            input.AddRange(Noise(random, withPreambles: false));
            if (random.Next(3) == 0)
            {
                input.AddRange(Corrupt(random, RandomAnswer(random)));
                input.AddRange(Noise(random, withPreambles: false));
            }
            var answer = RandomAnswer(random);
            sent.Add(new IdCardFrame(answer.AsMemory(7, answer.Length - 8)));
            input.AddRange(answer);
        }
        var decoder = IdCardFrameDecoder.ForAnswers();
        var bytes = input.ToArray();
        var decoded = new List<IdCardFrame>();
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
    public void An_answer_with_any_one_byte_changed_is_dropped(int seed)
    {
        var random = new Random(seed);
        var read = IdCardFrames.Answer(IdCardStatus.Success, IdCardReadAnswer.Encode(TestIdCards.ZhangSan, new byte[IdCardReadAnswer.PhotoLength]));
        for (var i = 0; i < 300; i++)
        {
            Assert.Empty(IdCardFrameDecoder.ForAnswers().Feed(Corrupt(random, random.Next(2) == 0 ? read : RandomAnswer(random))));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_reader_answering_junk_never_crashes_the_terminal_nor_yields_a_card_and_good_answers_are_read_after(int seed)
    {
        var random = new Random(seed);
        var time = new ManualTimeProvider();
        using var line = new InMemoryNullModem();
        using var stop = new CancellationTokenSource();
        var behaving = false;
        var script = new ScriptedReader(line.EndB, command => behaving ? GoodAnswer(command) : JunkAnswer(random), stop.Token);
        await using var terminal = new IdCardTerminal(line.EndA, time);

        for (var i = 0; i < 60; i++)
        {
            Assert.IsNotType<IdCardReading.CardRead>(await ReadAdvancingTimeAsync(terminal, time));
        }
        Assert.NotEmpty(script.Commands);

        // The same terminal once the reader behaves: junk left in the decoder does not stand in the way.
        // Junk answers still on their way each spoil one more try (it fails, and is never taken for a card).
        behaving = true;
        IdCardReading read = new IdCardReading.NoCard();
        for (var i = 0; i < 10 && read is not IdCardReading.CardRead; i++)
        {
            read = await terminal.ReadCardAsync().WaitAsync(TestTimeouts.Slow);
        }
        Assert.True(read is IdCardReading.CardRead { Card: var card } && card == TestIdCards.ZhangSan, read.ToString());
        await stop.CancelAsync();
    }

    /// <summary>A junk answer either completes a step at once or leaves it waiting: then its time-out is let run (an answer racing the time-out is fine either way).</summary>
    private static async Task<IdCardReading> ReadAdvancingTimeAsync(IdCardTerminal terminal, ManualTimeProvider time)
    {
        var attempt = terminal.ReadCardAsync();
        while (!attempt.IsCompleted)
        {
            await Task.WhenAny(attempt, time.WaitForScheduledTimersAsync(1));
            if (!attempt.IsCompleted)
            {
                time.Advance(IdCardTerminal.DefaultAnswerTimeout);
            }
        }
        return await attempt;
    }

    private static byte[] GoodAnswer(IdCardCommand? command) =>
        command == IdCardCommand.FindCard ? IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0])
        : command == IdCardCommand.SelectCard ? IdCardFrames.Answer(IdCardStatus.Success, new byte[8])
        : IdCardFrames.Answer(IdCardStatus.Success, IdCardReadAnswer.Encode(TestIdCards.ZhangSan, new byte[IdCardReadAnswer.PhotoLength]));

    private static byte[]? JunkAnswer(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => Noise(random, withPreambles: true),
        2 => Corrupt(random, IdCardFrames.Answer(IdCardStatus.Success, IdCardReadAnswer.Encode(TestIdCards.ZhangSan, new byte[1024]))),
        3 => IdCardFrames.Answer(IdCardStatus.Success, IdCardReadAnswer.Encode(TestIdCards.ZhangSan, new byte[1024]))[..random.Next(1, 1295)],
        4 => RandomAnswer(random),
        _ => IdCardFrames.Answer((byte)random.Next(256), RandomBytes(random, random.Next(0, 12))),
    };

    private static byte[] RandomAnswer(Random random) =>
        IdCardFrames.Encode(RandomBytes(random, random.Next(3, random.Next(2) == 0 ? 20 : 1400)));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Noise(Random random, bool withPreambles)
    {
        var noise = RandomBytes(random, random.Next(0, 40));
        if (withPreambles && random.Next(3) == 0)
        {
            // A preamble, sometimes with a length, that leads nowhere.
            var bogus = new byte[] { 0xAA, 0xAA, 0xAA, 0x96, 0x69, (byte)random.Next(0, 6), (byte)random.Next(256) };
            return [.. noise, .. bogus.AsSpan(0, random.Next(3, bogus.Length + 1))];
        }
        if (!withPreambles)
        {
            for (var i = 0; i < noise.Length; i++)
            {
                if (noise[i] == 0xAA)
                {
                    noise[i] = 0x55;
                }
            }
        }
        return noise;
    }

    private static byte[] Corrupt(Random random, byte[] frame)
    {
        var copy = (byte[])frame.Clone();
        copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        return copy;
    }
}
