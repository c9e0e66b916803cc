using Hall.Hardware.IdCard;
using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.IdCard;

/// <summary>The card on the reader now, as the kiosk may use it: masked name and number to show, the full number for the hall server only.</summary>
/// <param name="Presentation">Counts presentations: the same number read again within a few seconds keeps its presentation.</param>
public sealed record PresentCard(string MaskedName, string MaskedIdNumber, string IdNumber, long Presentation)
{
    public override string ToString() => $"{MaskedName} {MaskedIdNumber} #{Presentation}"; // never the full number
}

/// <summary>
/// What lies on the reader, kept in memory only. From a card read it keeps the name (masked) and the ID number;
/// address, photo and the other fields are dropped at once. Waiters learn of every change (arrival, departure,
/// reader status).
/// </summary>
public sealed class IdCardPresence(IOptions<IdCardOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private PresentCard? _card;
    private DateTimeOffset _lastRead;
    private string? _lastNumber;
    private DateTimeOffset _leftAt;
    private long _presentations;
    private string _readerStatus = options.Value.IsConfigured ? "unknown" : "none";
    private TaskCompletionSource _changed = NewSignal();

    public bool ReaderConfigured => options.Value.IsConfigured;

    public PresentCard? Card
    {
        get { lock (_gate) { return _card; } }
    }

    /// <summary><c>none</c> (no reader configured), <c>unknown</c> (not yet asked), <c>online</c>, <c>offline</c>, <c>fault</c>.</summary>
    public string ReaderStatus
    {
        get { lock (_gate) { return _readerStatus; } }
    }

    /// <summary>When the card on the reader was last read whole.</summary>
    public DateTimeOffset LastRead
    {
        get { lock (_gate) { return _lastRead; } }
    }

    /// <summary>Completes at the next change.</summary>
    public Task NextChange
    {
        get { lock (_gate) { return _changed.Task; } }
    }

    /// <summary>A card was read: keeps only its name (masked) and number.</summary>
    public void Read(IdCardHolder holder)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _lastRead = now;
            if (_card?.IdNumber == holder.IdNumber)
            {
                return;
            }
            var samePresentation = _card is null && _lastNumber == holder.IdNumber &&
                now - _leftAt <= TimeSpan.FromSeconds(options.Value.SamePresentationSeconds);
            _card = new PresentCard(holder.MaskedName, holder.MaskedIdNumber, holder.IdNumber, samePresentation ? _presentations : ++_presentations);
            _lastNumber = holder.IdNumber;
            Signal();
        }
    }

    /// <summary>The reader says no card lies on it (or the reader is gone).</summary>
    public void Left()
    {
        lock (_gate)
        {
            if (_card is null)
            {
                return;
            }
            _card = null;
            _leftAt = time.GetUtcNow();
            Signal();
        }
    }

    public void SetReaderStatus(string status)
    {
        lock (_gate)
        {
            if (_readerStatus != status)
            {
                _readerStatus = status;
                Signal();
            }
        }
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
