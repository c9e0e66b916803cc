using System.Threading.Channels;
using Hall.Hardware.HallBus;

namespace Hall.DisplayBoard.Led;

/// <summary>
/// One LED strip: shows the newest content asked for, blinking first when asked (show, blank, show, … then steady).
/// Only the newest request counts, so a strip never falls behind the hall; a new request ends a blink at once.
/// </summary>
internal sealed partial class LedStripPresenter
{
    private readonly Channel<Request> _requests =
        Channel.CreateBounded<Request>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly HallBusHost _bus;
    private readonly LedOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private LedContent? _desired;
    private LedContent? _shown;
    private bool _failing;
    private volatile bool _blinking;

    public LedStripPresenter(int address, HallBusHost bus, LedOptions options, TimeProvider time, ILogger logger, CancellationToken stopping)
    {
        Address = address;
        _bus = bus;
        _options = options;
        _time = time;
        _logger = logger;
        Running = RunAsync(stopping);
    }

    public int Address { get; }

    public Task Running { get; }

    /// <summary>The content last confirmed by the strip (both lines acknowledged), or null.</summary>
    public LedContent? Shown
    {
        get { lock (_lock) { return _shown; } }
    }

    /// <summary>Shows <paramref name="content"/>; the same steady content again changes nothing (and does not cut a blink short).</summary>
    public void Show(LedContent content, bool blink)
    {
        lock (_lock)
        {
            if (!blink && content == _desired)
            {
                return;
            }
            _desired = content;
        }
        _requests.Writer.TryWrite(new Request(content, blink, Force: false));
    }

    /// <summary>
    /// Sends the current content again, for a strip that came back or a port that was reopened. A blink in progress
    /// ends with the steady content anyway, so it is left alone.
    /// </summary>
    public void Refresh()
    {
        if (_blinking)
        {
            return;
        }
        LedContent? desired;
        lock (_lock)
        {
            desired = _desired;
        }
        if (desired is not null)
        {
            _requests.Writer.TryWrite(new Request(desired, Blink: false, Force: true));
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            await foreach (var request in _requests.Reader.ReadAllAsync(stopping))
            {
                if (request.Blink && _options.BlinkSeconds > 0 && !await BlinkAsync(request.Content, stopping))
                {
                    continue; // something newer arrived while blinking
                }
                if (!request.Force && !request.Blink && Shown == request.Content)
                {
                    continue;
                }
                await SendAsync(request.Content, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <returns>False when a newer request cut the blink short.</returns>
    private async Task<bool> BlinkAsync(LedContent content, CancellationToken stopping)
    {
        var until = _time.GetUtcNow() + TimeSpan.FromSeconds(_options.BlinkSeconds);
        var interval = TimeSpan.FromMilliseconds(_options.BlinkIntervalMilliseconds);
        var on = true;
        _blinking = true;
        try
        {
            while (_time.GetUtcNow() < until)
            {
                if (_requests.Reader.TryPeek(out var next))
                {
                    // A refresh of what is blinking (the port reopened just as the call came) is not newer: the blink
                    // ends with that content anyway. Anything else is, and cuts the blink short.
                    if (!next.Force || next.Blink || next.Content != content)
                    {
                        return false;
                    }
                    _requests.Reader.TryRead(out _);
                }
                await SendAsync(on ? content : LedContent.Blank, stopping);
                on = !on;
                await NextStepOrRequestAsync(interval, stopping);
            }
            return !_requests.Reader.TryPeek(out _);
        }
        finally
        {
            _blinking = false;
        }
    }

    /// <summary>
    /// Waits for the next blink step, or less when a new request arrives: the next call then reaches the strip at once
    /// instead of after the rest of the blink interval (up to half a second when calls follow each other).
    /// </summary>
    private async Task NextStepOrRequestAsync(TimeSpan interval, CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var step = Task.Delay(interval, _time, done.Token);
        var request = _requests.Reader.WaitToReadAsync(done.Token).AsTask();
        await Task.WhenAny(step, request);
        await done.CancelAsync();
        stopping.ThrowIfCancellationRequested();
    }

    private async Task SendAsync(LedContent content, CancellationToken stopping)
    {
        var first = await _bus.ShowAsync(Address, 0, content.Line0, stopping);
        var second = await _bus.ShowAsync(Address, 1, content.Line1, stopping);
        var confirmed = first == HallBusCommandResult.Acknowledged && second == HallBusCommandResult.Acknowledged;
        bool report;
        lock (_lock)
        {
            _shown = confirmed ? content : null;
            // Say it once when a strip stops taking text, not on every blink step.
            report = !confirmed && !_failing;
            _failing = !confirmed;
        }
        if (report)
        {
            LogNotShown(Address, content.Line0, first == HallBusCommandResult.Acknowledged ? second : first);
        }
    }

    private sealed record Request(LedContent Content, bool Blink, bool Force);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LED strip {Address} did not take '{Text}' ({Result}); it is sent again when the strip answers")]
    private partial void LogNotShown(int address, string text, HallBusCommandResult result);
}
