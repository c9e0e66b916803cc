using Hall.Hardware.EscPos;

namespace Hall.Hardware.Printing;

/// <summary>
/// The real-time status exchange over a printer's byte stream: <c>DLE EOT 1</c>, <c>2</c>, <c>3</c>, <c>4</c>, one answer byte each.
/// No answer to the first request within the timeout means nobody is listening: offline.
/// </summary>
public static class PrinterStatusProbe
{
    private static readonly StatusRequest[] Requests =
        [StatusRequest.Printer, StatusRequest.OfflineCause, StatusRequest.Error, StatusRequest.PaperRollSensor];

    public static async Task<PrinterStatus> QueryAsync(Stream stream, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var status = PrinterStatus.Ready;
        foreach (var request in Requests)
        {
            await stream.WriteAsync(EscPosCommands.RealTimeStatusRequest(request), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            var answer = await ReadStatusByteAsync(stream, timeout, cancellationToken);
            if (answer is null)
            {
                if (request == StatusRequest.Printer)
                {
                    return PrinterStatus.Ready with { Offline = true };
                }
                // Some printers know only n = 1 and 2; a missing later answer tells nothing.
                continue;
            }
            status = status.Merge(PrinterStatusParser.Parse(request, answer.Value));
        }
        return status;
    }

    private static async Task<byte?> ReadStatusByteAsync(Stream stream, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = new byte[1];
        try
        {
            while (true)
            {
                // WaitAsync as well: not every stream (a tty FileStream) honours cancellation of a pending read.
                var read = await stream.ReadAsync(buffer, deadline.Token).AsTask().WaitAsync(deadline.Token);
                if (read == 0)
                {
                    return null;
                }
                // Skip anything else the printer volunteers (automatic status blocks, echoes) until a status byte.
                if (PrinterStatusParser.IsStatusByte(buffer[0]))
                {
                    return buffer[0];
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
