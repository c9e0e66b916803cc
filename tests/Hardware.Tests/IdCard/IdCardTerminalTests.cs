using Hall.Hardware.IdCard;
using Hall.Hardware.Simulators;
using Hall.TestSupport.Serial;
using Hall.TestSupport.Time;
using Xunit;
using static Hall.Hardware.Tests.IdCard.IdCardProtocolExampleTests;

namespace Hall.Hardware.Tests.IdCard;

/// <summary>The terminal against the simulated reader and against scripted readers that misbehave: never a crash, never an action on a bad answer.</summary>
public sealed class IdCardTerminalTests : IAsyncLifetime
{
    private static readonly byte[] ReadData = IdCardReadAnswer.Encode(TestIdCards.LiXiaohong, new byte[IdCardReadAnswer.PhotoLength]);
    private readonly InMemoryNullModem _line = new();
    private readonly CancellationTokenSource _stop = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _line.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task Find_select_and_read_give_the_cards_text_from_the_simulated_reader()
    {
        var reader = new SimulatedIdCardReader(_line.EndB);
        _ = reader.RunAsync(_stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA);

        Assert.IsType<IdCardReading.NoCard>(await terminal.ReadCardAsync());
        Assert.True(await terminal.CheckSamAsync());

        reader.Lay(TestIdCards.ZhangSan);
        var read = Assert.IsType<IdCardReading.CardRead>(await terminal.ReadCardAsync());
        Assert.Equal(TestIdCards.ZhangSan, read.Card);
        Assert.Equal("汉", read.Card.Nation);

        // A card left on the reader is read again.
        Assert.Equal(TestIdCards.ZhangSan, Assert.IsType<IdCardReading.CardRead>(await terminal.ReadCardAsync()).Card);

        reader.TakeAway();
        Assert.IsType<IdCardReading.NoCard>(await terminal.ReadCardAsync());
        Assert.Equal(0, terminal.TimeOuts);
    }

    [Fact]
    public async Task No_card_is_status_80_and_nothing_else_is_asked()
    {
        var reader = new ScriptedReader(_line.EndB, _ => Hex("AA AA AA 96 69 00 04 00 00 80 84"), _stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA);

        Assert.IsType<IdCardReading.NoCard>(await terminal.ReadCardAsync());
        Assert.Equal([IdCardCommand.FindCard], reader.Commands);
    }

    [Fact]
    public async Task Select_and_read_failures_stop_the_sequence_with_the_status()
    {
        var answers = new Queue<byte[]>([
            IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0]), IdCardFrames.Answer(IdCardStatus.SelectFailed, []),
            IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0]), IdCardFrames.Answer(IdCardStatus.Success, new byte[8]), IdCardFrames.Answer(IdCardStatus.ReadFailed, []),
        ]);
        _ = new ScriptedReader(_line.EndB, _ => answers.Dequeue(), _stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA);

        var select = Assert.IsType<IdCardReading.Failed>(await terminal.ReadCardAsync());
        Assert.Equal(IdCardCommand.SelectCard, select.Command);
        Assert.True(select.IsCardProblem);
        var read = Assert.IsType<IdCardReading.Failed>(await terminal.ReadCardAsync());
        Assert.Equal(IdCardCommand.ReadTextAndPhoto, read.Command);
        Assert.Equal(IdCardStatus.ReadFailed, read.StatusWord);
    }

    [Fact]
    public async Task An_answer_with_a_wrong_checksum_is_dropped_and_a_reader_reporting_a_checksum_error_is_a_failure()
    {
        var time = new ManualTimeProvider();
        var corrupted = Hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 98");
        var answers = new Queue<byte[]>([corrupted, Hex("AA AA AA 96 69 00 04 00 00 10 14")]);
        _ = new ScriptedReader(_line.EndB, _ => answers.Count > 0 ? answers.Dequeue() : null, _stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA, time);

        var first = terminal.FindAsync();
        await Eventually(() => terminal.Decoder.RejectedFrames == 1);
        await time.WaitForScheduledTimersAsync(1);
        Assert.False(first.IsCompleted);
        time.Advance(IdCardTerminal.DefaultAnswerTimeout);
        Assert.IsType<IdCardReading.NoAnswer>(await first);

        var second = Assert.IsType<IdCardReading.Failed>(await terminal.FindAsync());
        Assert.Equal(IdCardStatus.ChecksumError, second.StatusWord);
        Assert.False(second.IsCardProblem);
    }

    [Fact]
    public async Task Garbage_before_an_answer_is_skipped_and_garbage_alone_is_no_answer()
    {
        var time = new ManualTimeProvider();
        var noise = Hex("00 FF AA AA 96 AA AA AA 96 12 69 AA");
        var answers = new Queue<byte[]>([[.. noise, .. IdCardFrames.Answer(IdCardStatus.NoCard, [])], noise]);
        _ = new ScriptedReader(_line.EndB, _ => answers.Dequeue(), _stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA, time);

        Assert.IsType<IdCardReading.NoCard>(await terminal.FindAsync());
        var second = terminal.FindAsync();
        await time.WaitForScheduledTimersAsync(1);
        time.Advance(IdCardTerminal.DefaultAnswerTimeout);
        Assert.IsType<IdCardReading.NoAnswer>(await second);
        Assert.True(terminal.Decoder.DiscardedBytes >= noise.Length);
    }

    [Fact]
    public async Task A_truncated_read_answer_times_out_and_the_next_whole_one_is_read()
    {
        var time = new ManualTimeProvider();
        var whole = IdCardFrames.Answer(IdCardStatus.Success, ReadData);
        var reads = 0;
        _ = new ScriptedReader(_line.EndB, command =>
            command == IdCardCommand.FindCard ? IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0])
            : command == IdCardCommand.SelectCard ? IdCardFrames.Answer(IdCardStatus.Success, new byte[8])
            : ++reads == 1 ? whole[..700] : whole, _stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA, time);

        var first = terminal.ReadCardAsync();
        await Eventually(() => reads == 1);
        await time.WaitForScheduledTimersAsync(1);
        time.Advance(IdCardTerminal.DefaultAnswerTimeout);
        var timedOut = Assert.IsType<IdCardReading.NoAnswer>(await first);
        Assert.Equal(IdCardCommand.ReadTextAndPhoto, timedOut.Command);

        // The half answer still sits in the decoder; the whole one after it is found all the same.
        var read = Assert.IsType<IdCardReading.CardRead>(await terminal.ReadCardAsync());
        Assert.Equal("李小红", read.Card.Name);
    }

    [Fact]
    public async Task Answers_that_cannot_be_the_commands_are_skipped_and_a_foreign_status_is_a_failure_never_a_card()
    {
        var time = new ManualTimeProvider();
        var answers = new Queue<byte[]>([
            IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0]),
            IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0]), IdCardFrames.Answer(IdCardStatus.Success, new byte[8]),
            IdCardFrames.Answer(IdCardStatus.Success, ReadData.AsSpan(0, 300)),
            IdCardFrames.Encode([0x01, 0x00, IdCardStatus.CardFound, 0, 0, 0, 0]),
        ]);
        _ = new ScriptedReader(_line.EndB, _ => answers.Dequeue(), _stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA, time);

        foreach (var step in new[] { IdCardCommand.FindCard, IdCardCommand.ReadTextAndPhoto })
        {
            var attempt = terminal.ReadCardAsync();
            await Eventually(() => terminal.MisfitAnswers == (step == IdCardCommand.FindCard ? 1 : 2));
            time.Advance(IdCardTerminal.DefaultAnswerTimeout);
            Assert.Equal(step, Assert.IsType<IdCardReading.NoAnswer>(await attempt).Command);
        }
        Assert.Contains("00 00", Assert.IsType<IdCardReading.Failed>(await terminal.ReadCardAsync()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_that_never_answers_times_out_every_time_and_once_it_answers_the_card_is_read()
    {
        var time = new ManualTimeProvider();
        var reader = new SimulatedIdCardReader(_line.EndB) { IsResponsive = false };
        reader.Lay(TestIdCards.ZhangSan);
        _ = reader.RunAsync(_stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA, time);

        for (var i = 0; i < 3; i++)
        {
            var attempt = terminal.ReadCardAsync();
            await time.WaitForScheduledTimersAsync(1);
            time.Advance(IdCardTerminal.DefaultAnswerTimeout);
            Assert.Equal(IdCardCommand.FindCard, Assert.IsType<IdCardReading.NoAnswer>(await attempt).Command);
        }
        Assert.Equal(3, terminal.TimeOuts);
        await Eventually(() => reader.CommandsReceived == 3); // it heard them all and kept silent

        reader.IsResponsive = true;
        Assert.Equal(TestIdCards.ZhangSan, Assert.IsType<IdCardReading.CardRead>(await terminal.ReadCardAsync()).Card);
    }

    [Fact]
    public async Task A_late_answer_to_an_earlier_command_is_not_taken_for_the_next_one()
    {
        var time = new ManualTimeProvider();
        var finds = 0;
        _ = new ScriptedReader(_line.EndB, command =>
        {
            if (command == IdCardCommand.FindCard && ++finds == 1)
            {
                return null; // answered only after the time-out, below
            }
            return IdCardFrames.Answer(IdCardStatus.NoCard, []);
        }, _stop.Token);
        await using var terminal = new IdCardTerminal(_line.EndA, time);

        var first = terminal.FindAsync();
        await time.WaitForScheduledTimersAsync(1);
        time.Advance(IdCardTerminal.DefaultAnswerTimeout);
        Assert.IsType<IdCardReading.NoAnswer>(await first);
        await _line.EndB.WriteAsync(IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0]));
        await Eventually(() => terminal.AnswersReceived == 1); // queued before the next command goes out

        Assert.IsType<IdCardReading.NoCard>(await terminal.FindAsync());
    }

    [Fact]
    public async Task Losing_the_line_is_an_io_exception_for_the_owner()
    {
        await using var terminal = new IdCardTerminal(_line.EndA);
        _line.Unplug();
        await Assert.ThrowsAnyAsync<IOException>(() => terminal.FindAsync());
    }

    private static Task Eventually(Func<bool> condition) => Hall.TestSupport.Eventually.TrueAsync(condition);
}
