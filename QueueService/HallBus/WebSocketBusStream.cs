using System.Net.WebSockets;

namespace Hall.QueueService.HallBus;

/// <summary>
/// The hall bus bytes of a gateway's WebSocket as a <see cref="Stream"/> for <c>HallBusHost</c>: each write is one binary
/// message, reads return the bytes of the gateway's binary messages as they come. A closed or broken socket ends the
/// stream (0 bytes, or an <see cref="IOException"/>), which is what the host's reconnect loop expects of a lost port.
/// </summary>
public sealed class WebSocketBusStream(WebSocket socket) : Stream
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    /// <summary>Completes when the stream is disposed or aborted: the gateway's request may then end.</summary>
    public Task Ended => _ended.Task;

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return 0;
                }
                if (result.MessageType != WebSocketMessageType.Binary)
                {
                    throw new IOException("The bus gateway sent a text message; the bus carries binary messages only.");
                }
                if (result.Count > 0 || buffer.Length == 0)
                {
                    return result.Count;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException("The bus gateway's connection was aborted.");
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException)
        {
            throw new IOException("The bus gateway's connection failed: " + e.Message, e);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await socket.SendAsync(buffer, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException("The bus gateway's connection was aborted.");
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException)
        {
            throw new IOException("Sending to the bus gateway failed: " + e.Message, e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    // A WebSocket has no blocking API; the hall bus host reads and writes asynchronously only.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Use ReadAsync.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Use WriteAsync.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Ends the connection at once (a newer gateway connection replaces this one, or the gateway went away).</summary>
    public void Abort()
    {
        socket.Abort();
        _ended.TrySetResult();
    }

    /// <summary>Says goodbye to the gateway (it reconnects), briefly, then ends.</summary>
    public override async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) == 0 && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bus closed", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
            {
                // already broken: nothing to say goodbye to
            }
        }
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Abort();
        }
        base.Dispose(disposing);
    }
}
