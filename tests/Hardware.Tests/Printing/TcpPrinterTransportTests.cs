using System.Net;
using System.Net.Sockets;
using Hall.Hardware.EscPos;
using Hall.Hardware.Printing;
using Hall.TestSupport;
using Hall.TestSupport.Processes;
using Xunit;

namespace Hall.Hardware.Tests.Printing;

public sealed class TcpPrinterTransportTests : IDisposable
{
    private static readonly TimeSpan Timeout = TestTimeouts.Local;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public TcpPrinterTransportTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private PrinterConnection Connection(string? target = null) =>
        new(PrinterTransportKind.Tcp, target ?? $"127.0.0.1:{Port}") { StatusTimeout = TimeSpan.FromMilliseconds(300) };

    /// <summary>Accepts connections and lets the printer serve each in turn; completes after <paramref name="connections"/>.</summary>
    private Task ServeAsync(PrinterOnTheOtherEnd printer, int connections) => Task.Run(async () =>
    {
        for (var i = 0; i < connections; i++)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await printer.ServeAsync(client.GetStream(), _stop.Token);
        }
    });

    [Fact]
    public async Task A_ready_printer_gets_the_job_after_the_status_requests()
    {
        var printer = new PrinterOnTheOtherEnd();
        var served = ServeAsync(printer, 1);
        var transport = PrinterTransportFactory.Create(Connection());
        var job = new EscPosBuilder().Initialize().Line("政务服务").QrCode("http://hall/t/1").PartialCut().ToArray();

        var result = await transport.PrintAsync("A001", job, CancellationToken.None);

        Assert.True(result.Printed, result.Error);
        await served.WaitAsync(Timeout);
        Assert.Equal(job, printer.Received);
    }

    [Fact]
    public async Task A_printer_out_of_paper_gets_no_job_and_says_why()
    {
        var printer = new PrinterOnTheOtherEnd(new() { [1] = 0x1A, [2] = 0x32, [3] = 0x12, [4] = 0x72 });
        var served = ServeAsync(printer, 1);

        var result = await new TcpPrinterTransport(Connection(), "127.0.0.1", Port).PrintAsync("A001", new byte[] { 0x1B, 0x40 }, CancellationToken.None);

        Assert.False(result.Printed);
        Assert.True(result.Status.PaperOut);
        Assert.Equal("paperOut", PrinterStatusText.Code(result.Status));
        Assert.Equal("打印机缺纸", result.Error);
        await served.WaitAsync(Timeout);
        Assert.Empty(printer.Received);
    }

    [Fact]
    public async Task Paper_near_end_still_prints_and_is_reported()
    {
        var printer = new PrinterOnTheOtherEnd(new() { [1] = 0x12, [2] = 0x12, [3] = 0x12, [4] = 0x1E });
        var served = ServeAsync(printer, 1);

        var result = await PrinterTransportFactory.Create(Connection()).PrintAsync("A001", new byte[] { 0x1B, 0x40 }, CancellationToken.None);

        Assert.True(result.Printed);
        Assert.Equal("paperLow", PrinterStatusText.Code(result.Status));
        await served.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Something_that_accepts_but_never_answers_is_offline()
    {
        var served = ServeAsync(PrinterOnTheOtherEnd.Silent(), 2);
        var transport = PrinterTransportFactory.Create(Connection());

        Assert.True((await transport.ReadStatusAsync(CancellationToken.None)).Offline);
        var result = await transport.PrintAsync("A001", new byte[] { 0x1B, 0x40 }, CancellationToken.None);

        Assert.False(result.Printed);
        Assert.Equal("offline", PrinterStatusText.Code(result.Status));
        await served.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_closed_port_is_offline()
    {
        var closed = FreePort.Next();
        var transport = PrinterTransportFactory.Create(Connection($"127.0.0.1:{closed}"));

        var result = await transport.PrintAsync("A001", new byte[] { 0x1B, 0x40 }, CancellationToken.None);

        Assert.False(result.Printed);
        Assert.True(result.Status.Offline);
        Assert.Contains("打印机未连接", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.5:9101", "10.0.0.5", 9101)]
    [InlineData("printer.local", "printer.local", 9100)]
    [InlineData("[::1]:9100", "::1", 9100)]
    [InlineData("::1", "::1", 9100)]
    public void Targets_parse(string target, string host, int port)
    {
        Assert.True(TcpPrinterTransport.TryParseTarget(target, out var parsedHost, out var parsedPort));
        Assert.Equal(host, parsedHost);
        Assert.Equal(port, parsedPort);
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:0")]
    [InlineData("host:99999")]
    [InlineData("host:abc")]
    public void Bad_targets_do_not_parse(string target) =>
        Assert.False(TcpPrinterTransport.TryParseTarget(target, out _, out _));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Dispose();
        _stop.Dispose();
    }
}
