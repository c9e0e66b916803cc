using System.Security.Cryptography;
using Hall.Hardware.IdCard;

namespace Hall.Hardware.Simulators;

/// <summary>
/// The reader side of the SAM protocol (二代证阅读器) over any <see cref="Stream"/>, byte for byte as
/// <c>id-card-reader-protocol.md</c> says: find answers <c>9F</c> with a card on it and <c>80</c> without, select
/// <c>90</c> with an 8-byte serial (<c>81</c> without a card), read <c>90</c> with the card's text and a 1024-byte
/// stand-in for the photo (<c>41</c> unless selected since the card was laid), SAM status <c>90</c>, anything else
/// <c>21</c>. A card left on it may be found and read again. Frames with a wrong checksum are not answered.
/// </summary>
public sealed class SimulatedIdCardReader(Stream stream)
{
    private readonly Lock _gate = new();
    private IdCardHolder? _card;
    private bool _selected;
    private int _commands;

    /// <summary>The card lying on the reader, or null.</summary>
    public IdCardHolder? Card
    {
        get { lock (_gate) { return _card; } }
    }

    /// <summary>False: it answers nothing, as if unplugged or its SAM hung.</summary>
    public bool IsResponsive { get; set; } = true;

    /// <summary>True: every command is answered <c>10</c> (checksum error), as a reader on a noisy line would.</summary>
    public bool AnswersChecksumError { get; set; }

    /// <summary>Commands received with a good checksum.</summary>
    public int CommandsReceived => Volatile.Read(ref _commands);

    /// <summary>A command arrived (before it was answered).</summary>
    public event EventHandler<IdCardCommand>? CommandReceived;

    /// <summary>Lays a card on the reader (replacing one that lay there).</summary>
    public void Lay(IdCardHolder card)
    {
        ArgumentNullException.ThrowIfNull(card);
        IdCardText.Encode(card); // refuses a field too long for the card, now rather than at the first read
        lock (_gate)
        {
            _card = card;
            _selected = false;
        }
    }

    /// <summary>Takes the card away.</summary>
    public void TakeAway()
    {
        lock (_gate)
        {
            _card = null;
            _selected = false;
        }
    }

    /// <summary>Answers commands until cancelled (returns), the line ends (returns) or fails (throws).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var decoder = IdCardFrameDecoder.ForCommands();
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                foreach (var frame in decoder.Feed(buffer.AsSpan(0, read)))
                {
                    Interlocked.Increment(ref _commands);
                    if (IsResponsive)
                    {
                        await AnswerAsync(frame.Body.Span[0], frame.Body.Span[1], cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task AnswerAsync(byte code, byte parameter, CancellationToken cancellationToken)
    {
        var command = IdCardCommand.Find(code, parameter);
        if (command is { } known)
        {
            CommandReceived?.Invoke(this, known);
        }
        var answer = AnswersChecksumError ? IdCardFrames.Answer(IdCardStatus.ChecksumError, []) : Answer(command);
        // Only the read loop writes: one answer per command, in order.
        await stream.WriteAsync(answer, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private byte[] Answer(IdCardCommand? command)
    {
        lock (_gate)
        {
            if (command == IdCardCommand.FindCard)
            {
                return _card is null ? IdCardFrames.Answer(IdCardStatus.NoCard, []) : IdCardFrames.Answer(IdCardStatus.CardFound, [0, 0, 0, 0]);
            }
            if (command == IdCardCommand.SelectCard)
            {
                if (_card is null)
                {
                    return IdCardFrames.Answer(IdCardStatus.SelectFailed, []);
                }
                _selected = true;
                return IdCardFrames.Answer(IdCardStatus.Success, Serial(_card));
            }
            if (command == IdCardCommand.ReadTextAndPhoto)
            {
                return _card is not null && _selected
                    ? IdCardFrames.Answer(IdCardStatus.Success, IdCardReadAnswer.Encode(_card, Photo(_card)))
                    : IdCardFrames.Answer(IdCardStatus.ReadFailed, []);
            }
            if (command == IdCardCommand.SamStatus)
            {
                return IdCardFrames.Answer(IdCardStatus.Success, []);
            }
            return IdCardFrames.Answer(IdCardStatus.UnknownCommand, []);
        }
    }

    private static byte[] Serial(IdCardHolder card) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("serial " + card.IdNumber))[..8];

    /// <summary>Stands in for the encrypted WLT photo: bytes that look like ciphertext, the same for the same card.</summary>
    private static byte[] Photo(IdCardHolder card)
    {
        var photo = new byte[IdCardReadAnswer.PhotoLength];
        var seed = System.Text.Encoding.ASCII.GetBytes("photo " + card.IdNumber);
        for (var block = 0; block < photo.Length / 32; block++)
        {
            SHA256.HashData([.. seed, (byte)block]).CopyTo(photo, block * 32);
        }
        return photo;
    }
}
