using System.Threading.Channels;

namespace Hall.Hardware.IdCard;

/// <summary>
/// The terminal side of the SAM protocol over a <see cref="Stream"/> (a serial port, or a test's in-memory line): one
/// command at a time, each waiting at most <see cref="AnswerTimeout"/> for a valid answer. A background pump feeds
/// every byte read through an <see cref="IdCardFrameDecoder"/>; answers left over from an earlier command (a late
/// reader) are dropped before the next command goes out. Nothing the reader sends can throw out of here: garbage
/// and bad checksums are skipped, and a silent reader is a <see cref="IdCardReading.NoAnswer"/>. Only losing the line
/// (end of stream, an I/O error) ends it with an <see cref="IOException"/>.
/// </summary>
public sealed class IdCardTerminal : IAsyncDisposable
{
    /// <summary>The protocol's "about 1 s".</summary>
    public static readonly TimeSpan DefaultAnswerTimeout = TimeSpan.FromSeconds(1);

    private readonly Stream _stream;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _exchange = new(1, 1);
    private readonly Channel<IdCardFrame> _answers = Channel.CreateBounded<IdCardFrame>(
        new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public IdCardTerminal(Stream stream, TimeProvider? time = null, TimeSpan? answerTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _time = time ?? TimeProvider.System;
        AnswerTimeout = answerTimeout ?? DefaultAnswerTimeout;
        _pump = Task.Run(PumpAsync);
    }

    public TimeSpan AnswerTimeout { get; }

    /// <summary>Counts of skipped bytes and rejected frames; read by the pump only, so the numbers may lag.</summary>
    public IdCardFrameDecoder Decoder { get; } = IdCardFrameDecoder.ForAnswers();

    /// <summary>Commands that got no valid answer in time.</summary>
    public long TimeOuts => Interlocked.Read(ref _timeOuts);

    /// <summary>Valid answers read off the line, late ones included.</summary>
    public long AnswersReceived => Interlocked.Read(ref _answersReceived);

    /// <summary>Valid answers skipped because they could not be the answer to the command sent.</summary>
    public long MisfitAnswers => Interlocked.Read(ref _misfits);

    private long _timeOuts;
    private long _misfits;
    private long _answersReceived;

    /// <summary>Find, select and read, in that order; the first step that fails ends it (start again from find).</summary>
    public async Task<IdCardReading> ReadCardAsync(CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(cancellationToken).ConfigureAwait(false);
        return found is IdCardReading.CardFound ? await SelectAndReadAsync(cancellationToken).ConfigureAwait(false) : found;
    }

    /// <summary><c>20 01</c>: <see cref="IdCardReading.CardFound"/>, <see cref="IdCardReading.NoCard"/> or a failure.</summary>
    public async Task<IdCardReading> FindAsync(CancellationToken cancellationToken = default)
    {
        var command = IdCardCommand.FindCard;
        var answer = await ExchangeAsync(command, cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            null => new IdCardReading.NoAnswer(command),
            { Status: IdCardStatus.NoCard } => new IdCardReading.NoCard(),
            { Status: IdCardStatus.CardFound } => new IdCardReading.CardFound(),
            _ => Failure(command, answer),
        };
    }

    /// <summary><c>20 02</c> then <c>30 01</c>: <see cref="IdCardReading.CardRead"/> or a failure.</summary>
    public async Task<IdCardReading> SelectAndReadAsync(CancellationToken cancellationToken = default)
    {
        var select = IdCardCommand.SelectCard;
        var selected = await ExchangeAsync(select, cancellationToken).ConfigureAwait(false);
        if (selected is null)
        {
            return new IdCardReading.NoAnswer(select);
        }
        if (selected.Status != IdCardStatus.Success)
        {
            return Failure(select, selected);
        }

        var read = IdCardCommand.ReadTextAndPhoto;
        var answer = await ExchangeAsync(read, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return new IdCardReading.NoAnswer(read);
        }
        if (answer.Status != IdCardStatus.Success)
        {
            return Failure(read, answer);
        }
        try
        {
            return new IdCardReading.CardRead(IdCardReadAnswer.Decode(answer.Data.Span));
        }
        catch (FormatException e)
        {
            return new IdCardReading.Failed(read, answer.StatusWord, e.Message);
        }
    }

    /// <summary><c>11 FF</c>: true when the SAM answers <c>90</c>, false for another status, null without an answer.</summary>
    public async Task<bool?> CheckSamAsync(CancellationToken cancellationToken = default)
    {
        var answer = await ExchangeAsync(IdCardCommand.SamStatus, cancellationToken).ConfigureAwait(false);
        return answer is null ? null : answer.Status == IdCardStatus.Success;
    }

    /// <summary>
    /// Sends one command and waits for a valid answer that <see cref="IdCardCommand.Fits"/> it; null after
    /// <see cref="AnswerTimeout"/>. Answers that do not fit (another command's, late) are skipped, so a reader that
    /// once answered late cannot put every following answer one command behind.
    /// </summary>
    /// <exception cref="IOException">The line ended or failed.</exception>
    public async Task<IdCardFrame?> ExchangeAsync(IdCardCommand command, CancellationToken cancellationToken = default)
    {
        await _exchange.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (_answers.Reader.TryRead(out _))
            {
                // a late answer to an earlier command, not to this one
            }
            if (_answers.Reader.Completion.IsCompleted)
            {
                await _answers.Reader.Completion.ConfigureAwait(false); // rethrows the pump's IOException
                throw new IOException("The reader's line has ended.");
            }
            try
            {
                await _stream.WriteAsync(IdCardFrames.Command(command), cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or NotSupportedException)
            {
                throw new IOException("The reader's line cannot be written: " + e.Message, e);
            }

            using var timeout = new CancellationTokenSource(AnswerTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                while (true)
                {
                    var answer = await _answers.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
                    if (command.Fits(answer))
                    {
                        return answer;
                    }
                    Interlocked.Increment(ref _misfits);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _timeOuts);
                return null;
            }
            catch (ChannelClosedException e)
            {
                throw e.InnerException as IOException ?? new IOException("The reader's line has ended.", e);
            }
        }
        finally
        {
            _exchange.Release();
        }
    }

    private static IdCardReading.Failed Failure(IdCardCommand command, IdCardFrame answer) =>
        new(command, answer.StatusWord, answer.Status is { } status
            ? IdCardStatus.Describe(status)
            : $"the status {answer.StatusWord:X6} does not start with 00 00");

    private async Task PumpAsync()
    {
        var buffer = new byte[2048];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    _answers.Writer.TryComplete(new IOException("The reader's line has ended."));
                    return;
                }
                foreach (var frame in Decoder.Feed(buffer.AsSpan(0, read)))
                {
                    _answers.Writer.TryWrite(frame);
                    Interlocked.Increment(ref _answersReceived);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _answers.Writer.TryComplete(new IOException("The terminal was closed."));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _answers.Writer.TryComplete(e as IOException ?? new IOException(e.Message, e));
        }
    }

    /// <summary>Stops the pump; the stream stays open (its owner closes it).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // a stream that ignores cancellation ends its read when its owner disposes it
        }
        _stop.Dispose();
        _exchange.Dispose();
    }
}
