using System.IO.Ports;
using Hall.Hardware.Serial;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Xunit;

namespace Hall.Hardware.Tests.Serial;

/// <summary>
/// What System.IO.Ports itself does on Linux where it differs from what <see cref="ISerialPort"/> promises, next to what
/// the project's adapter (<c>SerialLineStream</c>, <c>SerialPortErrors</c>) makes of it. If a new System.IO.Ports
/// fixes a quirk, the "raw" half of its test fails and the adapter's workaround can go (Hardware/Serial/README.md).
/// </summary>
public sealed class SystemIoPortsQuirkTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Local;

    [Fact]
    public async Task Raw_a_read_pending_at_dispose_throws_ObjectDisposedException_the_adapter_ends_it_with_0()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        var raw = OpenRaw(pair.FirstPath);
        var rawRead = raw.BaseStream.ReadAsync(new byte[16]).AsTask();
        await Task.Delay(100);
        raw.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rawRead.WaitAsync(Timeout));

        var adapted = SerialPorts.Open(pair.FirstPath);
        var read = adapted.Stream.ReadAsync(new byte[16]).AsTask();
        await Task.Delay(100);
        adapted.Dispose();
        Assert.Equal(0, await read.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Raw_a_lost_peer_is_ObjectDisposedException_without_the_port_the_adapter_gives_IOException_naming_it()
    {
        var pair = await PseudoTerminalPair.StartAsync();
        using var raw = OpenRaw(pair.FirstPath);
        using var adapted = SerialPorts.Open(pair.SecondPath);
        var rawRead = raw.BaseStream.ReadAsync(new byte[16]).AsTask();
        var read = adapted.Stream.ReadAsync(new byte[16]).AsTask();
        pair.Dispose();

        var rawError = await Assert.ThrowsAsync<ObjectDisposedException>(() => rawRead.WaitAsync(Timeout));
        Assert.DoesNotContain(pair.FirstPath, rawError.Message, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<IOException>(() => read.WaitAsync(Timeout));
        Assert.Contains(pair.SecondPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_a_missing_port_is_access_denied_the_adapter_says_it_does_not_exist()
    {
        const string missing = "/dev/ttyUSB-does-not-exist-42";
        using var raw = new SerialPort(missing);
        Assert.Throws<UnauthorizedAccessException>(raw.Open);

        var error = Assert.Throws<SerialPortException>(() => SerialPorts.Open(missing));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_async_reads_obey_ReadTimeout_so_the_adapter_keeps_it_infinite()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        using var raw = OpenRaw(pair.FirstPath);
        raw.ReadTimeout = 200;
        await Assert.ThrowsAsync<TimeoutException>(() => raw.BaseStream.ReadAsync(new byte[16]).AsTask().WaitAsync(Timeout));

        using var adapted = SerialPorts.Open(pair.SecondPath);
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        // Still waiting for a byte when the caller gives up: the caller's token ends it, not a time-out.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adapted.Stream.ReadAsync(new byte[16], quiet.Token).AsTask());
    }

    private static SerialPort OpenRaw(string path)
    {
        var port = new SerialPort(path, 9600, Parity.None, 8, StopBits.One);
        port.Open();
        return port;
    }
}
