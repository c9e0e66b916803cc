using Hall.Hardware.Serial;

namespace Hall.Hardware.Printing;

/// <summary>A printer on a serial line (RS-232 or a USB-serial adapter), opened through the project's own serial port.</summary>
public sealed class SerialPrinterTransport(PrinterConnection connection) : StreamPrinterTransport(connection)
{
    public override string Description => $"serial {Connection.Target} {Connection.BaudRate}";

    protected override Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var port = SerialPorts.Open(new SerialPortOptions { PortName = Connection.Target, BaudRate = Connection.BaudRate });
        return Task.FromResult<Stream>(new PortOwningStream(port));
    }

    /// <summary>The port's stream, closing the port with it.</summary>
    private sealed class PortOwningStream(ISerialPort port) : Stream
    {
        private readonly Stream _inner = port.Stream;

        public override bool CanRead => _inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => _inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                port.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
