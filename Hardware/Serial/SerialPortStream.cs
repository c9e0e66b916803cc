using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Win32.SafeHandles;

namespace Hall.Hardware.Serial;

/// <summary>
/// A stream over an open serial device. One dedicated thread per port waits for input in short slices
/// (see <see cref="TryRead"/>) and hands it over through a pipe, so reads are truly asynchronous (no pool thread is
/// held while the line is quiet), and cancellation and <see cref="Stream.Dispose()"/> end them promptly.
/// </summary>
internal abstract class SerialPortStream : Stream
{
    /// <summary>How long one wait for input lasts before disposal is checked again.</summary>
    protected const int WaitSliceMilliseconds = 50;

    private readonly Pipe _received = new(new PipeOptions(
        pauseWriterThreshold: 1 << 16, resumeWriterThreshold: 1 << 15, useSynchronizationContext: false));
    private readonly Stream _receivedStream;
    private readonly Thread _pump;
    private volatile bool _disposed;

    protected SerialPortStream(SafeFileHandle handle, string portName, bool isAsync)
    {
        Handle = handle;
        PortName = portName;
        File = new FileStream(handle, FileAccess.ReadWrite, bufferSize: 0, isAsync);
        _receivedStream = _received.Reader.AsStream();
        _pump = new Thread(Pump) { IsBackground = true, Name = "serial " + portName };
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

    /// <summary>Starts receiving; called once the derived class is fully built.</summary>
    protected void StartReceiving() => _pump.Start();

    /// <summary>Waits at most one slice for input and reads what is there; 0 when nothing arrived in that time.</summary>
    protected abstract int TryRead(Span<byte> buffer);

    private void Pump()
    {
        var writer = _received.Writer;
        var buffer = new byte[256];
        try
        {
            while (!_disposed)
            {
                var read = TryRead(buffer);
                if (read > 0)
                {
                    writer.Write(buffer.AsSpan(0, read));
                    if (writer.FlushAsync().AsTask().GetAwaiter().GetResult().IsCompleted)
                    {
                        break;
                    }
                }
            }
            writer.Complete(); // disposed: readers see the end of the stream
        }
        catch (Exception ex)
        {
            // Lost device: readers get the IOException naming the port. After Dispose, just the end of the stream.
            writer.Complete(_disposed ? null : ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _receivedStream.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _receivedStream.ReadAsync(buffer, cancellationToken);

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
            // The pump notices within one slice and completes the pipe; the device closes after it stopped using it.
            if (_pump.IsAlive && Thread.CurrentThread != _pump)
            {
                _pump.Join(TimeSpan.FromSeconds(2));
            }
            File.Dispose();
        }
        base.Dispose(disposing);
    }
}
