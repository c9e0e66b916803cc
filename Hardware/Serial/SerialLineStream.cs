using System.IO.Ports;

namespace Hall.Hardware.Serial;

/// <summary>
/// The adapter over <see cref="SerialPort.BaseStream"/> that gives callers the behaviour <see cref="ISerialPort"/>
/// promises, where System.IO.Ports on Linux differs (see Hardware/Serial/README.md, "Quirks"):
/// a read pending when the port is disposed ends with 0 (end of stream) instead of <see cref="ObjectDisposedException"/>;
/// a lost device (the port closed by SerialPort itself on hang-up) is an <see cref="IOException"/> naming the port
/// instead of <see cref="ObjectDisposedException"/> "The port is closed". Disposing the stream closes the port.
/// </summary>
internal sealed class SerialLineStream(SerialPort port) : Stream
{
    private readonly Stream _inner = port.BaseStream;
    private readonly string _portName = port.PortName;
    private volatile bool _disposed;

    public override bool CanRead => !_disposed;
    public override bool CanWrite => !_disposed;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_disposed)
        {
            return 0;
        }
        try
        {
            return _inner.Read(buffer);
        }
        catch (Exception ex) when (IsEnd(ex))
        {
            return _disposed ? 0 : throw SerialPortErrors.Lost(_portName, ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_disposed)
        {
            return 0;
        }
        try
        {
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsEnd(ex))
        {
            return _disposed ? 0 : throw SerialPortErrors.Lost(_portName, ex);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _inner.Write(buffer);
        }
        catch (Exception ex) when (IsEnd(ex))
        {
            throw SerialPortErrors.Lost(_portName, ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsEnd(ex))
        {
            throw SerialPortErrors.Lost(_portName, ex);
        }
    }

    public override void Flush()
    {
        if (!_disposed && port.IsOpen)
        {
            _inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _disposed || !port.IsOpen ? Task.CompletedTask : _inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>How SerialPort reports a port that closed under a pending call: by us, or by itself on hang-up.</summary>
    private static bool IsEnd(Exception ex) =>
        ex is ObjectDisposedException or IOException or InvalidOperationException or OperationCanceledException;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true; // first, so the pending read that fails next knows it was us
            try
            {
                port.Dispose();
            }
            catch (IOException)
            {
                // The device is already gone; nothing left to close.
            }
        }
        base.Dispose(disposing);
    }
}
