using System.IO.Pipelines;

namespace Hall.TestSupport.Serial;

/// <summary>
/// Two connected in-memory streams, like the two ends of a null-modem cable: what one end writes, the other reads.
/// Reads wait for data and honour cancellation; <see cref="Unplug"/> ends both ends' reads (end of stream).
/// </summary>
public sealed class InMemoryNullModem : IDisposable
{
    private readonly Pipe _aToB = new(new PipeOptions(pauseWriterThreshold: 0));
    private readonly Pipe _bToA = new(new PipeOptions(pauseWriterThreshold: 0));

    public InMemoryNullModem()
    {
        EndA = new DuplexStream(_bToA.Reader.AsStream(), _aToB.Writer.AsStream());
        EndB = new DuplexStream(_aToB.Reader.AsStream(), _bToA.Writer.AsStream());
    }

    /// <summary>For example the host's end.</summary>
    public Stream EndA { get; }

    /// <summary>For example the devices' end.</summary>
    public Stream EndB { get; }

    /// <summary>Like pulling the cable: both ends read end of stream.</summary>
    public void Unplug()
    {
        _aToB.Writer.Complete();
        _bToA.Writer.Complete();
    }

    public void Dispose()
    {
        Unplug();
        EndA.Dispose();
        EndB.Dispose();
    }

    private sealed class DuplexStream(Stream input, Stream output) : Stream
    {
        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            input.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            input.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            output.Write(buffer, offset, count);
            output.Flush();
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await output.WriteAsync(buffer, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => output.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                input.Dispose();
                output.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
