using Hall.Hardware.Serial;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Xunit;

namespace Hall.Hardware.Tests.Serial;

public sealed class SerialPortOverPseudoTerminalTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Local;

    [Theory]
    [InlineData(9600)]
    [InlineData(115200)]
    public async Task Bytes_written_on_one_end_arrive_at_the_other_in_both_directions(int baudRate)
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        using var a = SerialPorts.Open(new SerialPortOptions { PortName = pair.FirstPath, BaudRate = baudRate });
        using var b = SerialPorts.Open(new SerialPortOptions { PortName = pair.SecondPath, BaudRate = baudRate });

        byte[] forward = [0x68, 0x04, 0x04, 0x68, 0x01, 0x10, 0x01, 0x01, 0x13, 0x16, 0x00, 0xFF, 0x0A, 0x0D, 0x11, 0x13];
        await a.Stream.WriteAsync(forward);
        Assert.Equal(forward, await ReadExactlyAsync(b.Stream, forward.Length));

        var backward = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(); // every byte value passes raw
        await b.Stream.WriteAsync(backward);
        Assert.Equal(backward, await ReadExactlyAsync(a.Stream, backward.Length));
    }

    [Fact]
    public async Task A_pending_read_ends_when_the_port_is_disposed()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        var port = SerialPorts.Open(pair.FirstPath);
        var read = port.Stream.ReadAsync(new byte[16]).AsTask();
        await Task.Delay(100); // let the read start waiting; the assertion below does not depend on it
        port.Dispose();
        Assert.Equal(0, await read.WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_pending_read_is_cancellable()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        using var port = SerialPorts.Open(pair.FirstPath);
        using var cts = new CancellationTokenSource();
        var read = port.Stream.ReadAsync(new byte[16], cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Losing_the_other_end_fails_the_read_with_an_io_exception_naming_the_port()
    {
        var pair = await PseudoTerminalPair.StartAsync();
        using var port = SerialPorts.Open(pair.FirstPath);
        var read = port.Stream.ReadAsync(new byte[16]).AsTask();
        pair.Dispose(); // socat gone: like a USB adapter pulled out
        var error = await Assert.ThrowsAnyAsync<IOException>(() => read.WaitAsync(Timeout));
        Assert.Contains(pair.FirstPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_missing_port_says_which_port()
    {
        var error = Assert.Throws<SerialPortException>(() => SerialPorts.Open("/dev/does-not-exist-42"));
        Assert.Equal("/dev/does-not-exist-42", error.PortName);
        Assert.Contains("/dev/does-not-exist-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_file_that_is_not_a_tty_is_refused_clearly()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<SerialPortException>(() => SerialPorts.Open(file));
            Assert.Contains("not a serial device", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_unsupported_baud_rate_is_refused_before_opening()
    {
        var error = Assert.Throws<SerialPortException>(() => SerialPorts.Open("/dev/null", 12345));
        Assert.Contains("12345", error.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(Timeout);
        await stream.ReadExactlyAsync(buffer, cts.Token);
        return buffer;
    }
}
