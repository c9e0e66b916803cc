using Hall.Hardware.EscPos;
using Hall.Hardware.Printing;
using Hall.Hardware.Serial;
using Hall.TestSupport;
using Hall.TestSupport.Serial;
using Xunit;

namespace Hall.Hardware.Tests.Printing;

public sealed class SerialPrinterTransportTests
{
    private static readonly TimeSpan Timeout = TestTimeouts.Local;

    [Fact]
    public async Task A_ready_printer_on_a_serial_line_gets_the_exact_job()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        using var printerEnd = SerialPorts.Open(pair.SecondPath, 9600);
        using var stop = new CancellationTokenSource();
        var printer = new PrinterOnTheOtherEnd();
        var served = printer.ServeAsync(printerEnd.Stream, stop.Token);
        var transport = PrinterTransportFactory.Create(new PrinterConnection(PrinterTransportKind.Serial, pair.FirstPath, 9600));
        var job = new EscPosBuilder().Initialize().ChineseModeOn().Line("政务服务").RasterImage(QrCodeImage.Render("http://hall/t/1", 2)).PartialCut().ToArray();

        var result = await transport.PrintAsync("A001", job, CancellationToken.None);

        Assert.True(result.Printed, result.Error);
        await Eventually.TrueAsync(() => printer.Received.Length >= job.Length, Timeout);
        await stop.CancelAsync();
        await served.WaitAsync(Timeout);
        Assert.Equal(job, printer.Received);
    }

    [Fact]
    public async Task A_silent_line_is_an_offline_printer()
    {
        using var pair = await PseudoTerminalPair.StartAsync();
        var transport = new SerialPrinterTransport(new PrinterConnection(PrinterTransportKind.Serial, pair.FirstPath) { StatusTimeout = TimeSpan.FromMilliseconds(300) });

        var result = await transport.PrintAsync("A001", new byte[] { 0x1B, 0x40 }, CancellationToken.None);

        Assert.False(result.Printed);
        Assert.Equal("offline", PrinterStatusText.Code(result.Status));
    }

    [Fact]
    public async Task A_missing_device_is_an_offline_printer()
    {
        var transport = PrinterTransportFactory.Create(new PrinterConnection(PrinterTransportKind.Serial, "/dev/does-not-exist-ttyUSB9"));

        Assert.True((await transport.ReadStatusAsync(CancellationToken.None)).Offline);
        var result = await transport.PrintAsync("A001", new byte[] { 0x1B, 0x40 }, CancellationToken.None);
        Assert.False(result.Printed);
        Assert.Contains("/dev/does-not-exist-ttyUSB9", result.Error, StringComparison.Ordinal);
    }
}
