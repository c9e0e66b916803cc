using Hall.Hardware.HallBus;

namespace Hall.DisplayBoard.Tests.Support;

/// <summary>
/// The device end of an LED-strip bus for tests: answers every command to its addresses as a strip does
/// (<c>F | 0x80</c>, STATUS for PING), keeps every SHOW frame it got with its raw bytes, and lets a test await one.
/// </summary>
public sealed class LedStripDevices : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly HashSet<int> _addresses;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ShowFrame> _shows = [];
    private readonly List<(Func<ShowFrame, bool> Match, TaskCompletionSource<ShowFrame> Done)> _waiters = [];
    private readonly Task _running;
    private byte _sequence;

    public LedStripDevices(Stream stream, params int[] addresses)
    {
        _stream = stream;
        _addresses = [.. addresses];
        _running = RunAsync();
    }

    /// <summary>Strips that stay silent, as if unplugged.</summary>
    public HashSet<int> Silent { get; } = [];

    public IReadOnlyList<ShowFrame> Shows
    {
        get { lock (_shows) { return [.. _shows]; } }
    }

    /// <summary>The text each strip shows now, by address and line.</summary>
    public string Text(int address, int line) =>
        Shows.LastOrDefault(s => s.Address == address && s.Line == line)?.Text ?? "";

    public async Task<ShowFrame> WaitForAsync(Func<ShowFrame, bool> match, TimeSpan timeout, int after = 0)
    {
        TaskCompletionSource<ShowFrame> done;
        lock (_shows)
        {
            var found = _shows.Skip(after).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            done = new TaskCompletionSource<ShowFrame>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching SHOW frame within {timeout}. Got: {string.Join(" | ", Shows.Select(s => $"{s.Address}/{s.Line} '{s.Text}'"))}");
        }
    }

    public int Count
    {
        get { lock (_shows) { return _shows.Count; } }
    }

    private async Task RunAsync()
    {
        var reader = new HallBusFrameReader(_stream);
        try
        {
            while (await reader.ReadAsync(_stop.Token) is { } frame)
            {
                if (!_addresses.Contains(frame.Address) || Silent.Contains(frame.Address))
                {
                    continue;
                }
                var reply = frame.Function == HallBusFunction.Ping
                    ? HallBusFrames.Status(frame.Address, _sequence++, 0)
                    : HallBusFrames.Reply(frame.Address, frame.Function);
                await _stream.WriteAsync(HallBusFrameEncoder.Encode(reply), _stop.Token);
                await _stream.FlushAsync(_stop.Token);
                if (frame.Function == HallBusFunction.Show)
                {
                    Record(new ShowFrame(frame.Address, frame.Data.Span[0], HallBusText.Decode(frame.Data.Span[1..]), HallBusFrameEncoder.Encode(frame), DateTimeOffset.Now));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private void Record(ShowFrame show)
    {
        lock (_shows)
        {
            _shows.Add(show);
            foreach (var waiter in _waiters.Where(w => w.Match(show)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(show);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }
}

public sealed record ShowFrame(int Address, int Line, string Text, byte[] Bytes, DateTimeOffset At);
