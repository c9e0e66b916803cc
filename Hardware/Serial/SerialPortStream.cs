using Microsoft.Win32.SafeHandles;

namespace Hall.Hardware.Serial;

/// <summary>
/// A stream over an open serial device. Reads wait in short slices (see <see cref="TryRead"/>) so that
/// cancellation and <see cref="Stream.Dispose()"/> end them promptly instead of leaving a thread blocked in the kernel.
/// </summary>
internal abstract class SerialPortStream : Stream
{
    /// <summary>How long one wait for input lasts before cancellation and disposal are checked again.</summary>
    protected const int WaitSliceMilliseconds = 50;

    private volatile bool _disposed;

    protected SerialPortStream(SafeFileHandle handle, string portName, bool isAsync)
    {
        Handle = handle;
        PortName = portName;
        File = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0, isAsync);
    }

    public string PortName { get; }

    protected SafeFileHandle Handle { get; }

    protected FileStream File { get; }

    protected bool IsDisposed => _disposed;

    public override bool CanRead => !_disposed;
    public override bool CanWrite => !_disposed;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Waits at most one slice for input and reads what is there; 0 when nothing arrived in that time.</summary>
    protected abstract int TryRead(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => ReadWaiting(buffer, CancellationToken.None);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The wait is a blocking poll in slices, so it runs on a pool thread and stays cancellable.
        return new ValueTask<int>(Task.Run(() => ReadWaiting(buffer.Span, cancellationToken), cancellationToken));
    }

    private int ReadWaiting(Span<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_disposed)
            {
                return 0; // closed by its owner: end of stream
            }
            int read;
            try
            {
                read = TryRead(buffer);
            }
            catch (ObjectDisposedException) when (_disposed)
            {
                return 0;
            }
            catch (IOException) when (_disposed)
            {
                return 0;
            }
            if (read > 0)
            {
                return read;
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        File.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return File.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
        if (!_disposed)
        {
            File.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _disposed ? Task.CompletedTask : File.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected IOException Lost(string reason) => new($"Serial port {PortName}: {reason}");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            // A reader inside a wait holds a reference on the handle (DangerousAddRef), so the descriptor
            // closes when that slice ends, never under its feet.
            File.Dispose();
        }
        base.Dispose(disposing);
    }
}
