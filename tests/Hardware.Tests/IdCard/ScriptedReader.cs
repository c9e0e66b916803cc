using System.Collections.Concurrent;
using Hall.Hardware.IdCard;

namespace Hall.Hardware.Tests.IdCard;

/// <summary>
/// A reader that answers each command with whatever bytes the test says (garbage, a truncated answer, a bad checksum,
/// nothing at all), so the terminal meets exactly what the protocol says it must survive.
/// </summary>
internal sealed class ScriptedReader
{
    private readonly Stream _line;
    private readonly Func<IdCardCommand?, byte[]?> _answer;
    private readonly Task _run;

    public ScriptedReader(Stream line, Func<IdCardCommand?, byte[]?> answer, CancellationToken cancellationToken)
    {
        _line = line;
        _answer = answer;
        _run = Task.Run(() => RunAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Every command received, in order.</summary>
    public ConcurrentQueue<IdCardCommand?> Commands { get; } = new();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var decoder = IdCardFrameDecoder.ForCommands();
        var buffer = new byte[64];
        try
        {
            while (await _line.ReadAsync(buffer, cancellationToken) is var read and > 0)
            {
                foreach (var frame in decoder.Feed(buffer.AsSpan(0, read)))
                {
                    var command = IdCardCommand.Find(frame.Body.Span[0], frame.Body.Span[1]);
                    Commands.Enqueue(command);
                    if (_answer(command) is { } bytes)
                    {
                        await _line.WriteAsync(bytes, cancellationToken);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
