using Hall.Hardware.EscPos;

namespace Hall.Hardware.Printing;

/// <summary>
/// A printer reached over a byte stream (serial line, TCP port 9100). Each job opens the connection, reads the
/// status with <c>DLE EOT</c>, sends the job when the printer can print, and closes again, so a printer
/// switched off and on between tickets needs no reconnect logic.
/// </summary>
public abstract class StreamPrinterTransport(PrinterConnection connection) : IPrinterTransport
{
    protected PrinterConnection Connection { get; } = connection;

    public abstract string Description { get; }

    /// <summary>Opens the connection to the printer; throws <see cref="IOException"/> (or a subclass) when it cannot.</summary>
    protected abstract Task<Stream> OpenAsync(CancellationToken cancellationToken);

    public async Task<PrinterStatus> ReadStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await OpenWithTimeoutAsync(cancellationToken);
            return await PrinterStatusProbe.QueryAsync(stream, Connection.StatusTimeout, cancellationToken);
        }
        catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
        {
            return PrinterStatus.Ready with { Offline = true };
        }
    }

    public async Task<PrintResult> PrintAsync(string jobName, ReadOnlyMemory<byte> job, CancellationToken cancellationToken)
    {
        var status = PrinterStatus.Ready with { Offline = true };
        try
        {
            await using var stream = await OpenWithTimeoutAsync(cancellationToken);
            status = await PrinterStatusProbe.QueryAsync(stream, Connection.StatusTimeout, cancellationToken);
            if (!status.CanPrint)
            {
                return PrintResult.Failure(status, PrinterStatusText.Describe(status));
            }
            using var writeDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            writeDeadline.CancelAfter(Connection.WriteTimeout);
            await stream.WriteAsync(job, writeDeadline.Token).AsTask().WaitAsync(writeDeadline.Token);
            await stream.FlushAsync(writeDeadline.Token).WaitAsync(writeDeadline.Token);
            return PrintResult.Success(status);
        }
        catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
        {
            var offline = status with { Offline = true };
            return PrintResult.Failure(offline, $"{PrinterStatusText.Describe(offline)}（{Description}）");
        }
    }

    private async Task<Stream> OpenWithTimeoutAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Connection.ConnectTimeout);
        return await OpenAsync(deadline.Token).WaitAsync(deadline.Token);
    }

    private static bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
