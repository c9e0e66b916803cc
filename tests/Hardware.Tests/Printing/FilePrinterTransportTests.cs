using Hall.Hardware.EscPos;
using Hall.Hardware.Printing;
using Hall.TestSupport;
using Xunit;

namespace Hall.Hardware.Tests.Printing;

public class FilePrinterTransportTests
{
    [Fact]
    public async Task Writes_the_exact_bytes_to_number_dot_bin()
    {
        var folder = Path.Combine(TestPaths.NewTempDirectory("file-printer"), "not-yet-there");
        var printer = PrinterTransportFactory.Create(new PrinterConnection(PrinterTransportKind.File, folder));
        var job = new EscPosBuilder().Initialize().ChineseModeOn().Line("政务服务").FeedAndPartialCut().ToArray();

        Assert.True((await printer.ReadStatusAsync(CancellationToken.None)).CanPrint);
        var result = await printer.PrintAsync("A001", job, CancellationToken.None);

        Assert.True(result.Printed, result.Error);
        Assert.Equal(job, await File.ReadAllBytesAsync(Path.Combine(folder, "A001.bin")));
        Assert.Equal(["A001.bin"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_reprint_replaces_the_file()
    {
        var folder = TestPaths.NewTempDirectory("file-printer");
        var printer = new FilePrinterTransport(folder);
        await printer.PrintAsync("B007", new byte[] { 1, 2, 3 }, CancellationToken.None);
        await printer.PrintAsync("B007", new byte[] { 4 }, CancellationToken.None);
        Assert.Equal(new byte[] { 4 }, await File.ReadAllBytesAsync(Path.Combine(folder, "B007.bin")));
    }

    [Fact]
    public void Job_names_cannot_leave_the_folder()
    {
        var folder = TestPaths.NewTempDirectory("file-printer");
        var printer = new FilePrinterTransport(folder);
        Assert.Equal(Path.Combine(folder, ".._x.bin"), printer.PathFor("../x"));
        Assert.Throws<ArgumentException>(() => printer.PathFor(".."));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_is_an_offline_printer()
    {
        var blocker = Path.Combine(TestPaths.NewTempDirectory("file-printer"), "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var printer = new FilePrinterTransport(Path.Combine(blocker, "tickets"));

        Assert.True((await printer.ReadStatusAsync(CancellationToken.None)).Offline);
        var result = await printer.PrintAsync("A001", new byte[] { 0x1B, 0x40 }, CancellationToken.None);
        Assert.False(result.Printed);
        Assert.NotNull(result.Error);
    }
}
