using Hall.Hardware.EscPos;
using Xunit;

namespace Hall.Hardware.Tests.EscPos;

public class PrinterStatusParserTests
{
    [Fact]
    public void Idle_printer_answers_0x12_to_every_request()
    {
        foreach (var request in Enum.GetValues<StatusRequest>())
        {
            Assert.Equal(PrinterStatus.Ready, PrinterStatusParser.Parse(request, 0x12));
        }
    }

    [Fact]
    public void Printer_status_bit_3_is_offline() =>
        Assert.True(PrinterStatusParser.Parse(StatusRequest.Printer, 0x1A).Offline);

    [Fact]
    public void Offline_cause_reads_cover_open_paper_end_and_error()
    {
        Assert.Equal(PrinterStatus.Ready with { CoverOpen = true }, PrinterStatusParser.Parse(StatusRequest.OfflineCause, 0x16));
        Assert.Equal(PrinterStatus.Ready with { PaperOut = true }, PrinterStatusParser.Parse(StatusRequest.OfflineCause, 0x32));
        Assert.Equal(PrinterStatus.Ready with { Error = true }, PrinterStatusParser.Parse(StatusRequest.OfflineCause, 0x52));
    }

    [Fact]
    public void Paper_sensor_reads_near_end_and_end()
    {
        Assert.Equal(PrinterStatus.Ready with { PaperNearEnd = true }, PrinterStatusParser.Parse(StatusRequest.PaperRollSensor, 0x1E));
        Assert.Equal(PrinterStatus.Ready with { PaperOut = true }, PrinterStatusParser.Parse(StatusRequest.PaperRollSensor, 0x72));
        Assert.Equal(PrinterStatus.Ready with { PaperNearEnd = true, PaperOut = true }, PrinterStatusParser.Parse(StatusRequest.PaperRollSensor, 0x7E));
    }

    [Fact]
    public void Error_status_reads_cutter_and_unrecoverable_errors()
    {
        Assert.True(PrinterStatusParser.Parse(StatusRequest.Error, 0x1A).Error);
        Assert.True(PrinterStatusParser.Parse(StatusRequest.Error, 0x16).Error);
        Assert.True(PrinterStatusParser.Parse(StatusRequest.Error, 0x32).Error);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    [InlineData(0x13)]
    [InlineData(0x92)]
    public void Bytes_without_the_fixed_bits_are_no_status(byte value)
    {
        Assert.False(PrinterStatusParser.IsStatusByte(value));
        Assert.Throws<FormatException>(() => PrinterStatusParser.Parse(StatusRequest.Printer, value));
    }

    [Fact]
    public void Near_end_still_prints_but_paper_out_does_not()
    {
        Assert.True((PrinterStatus.Ready with { PaperNearEnd = true }).CanPrint);
        Assert.False((PrinterStatus.Ready with { PaperOut = true }).CanPrint);
        Assert.False(PrinterStatus.Ready.Merge(PrinterStatus.Ready with { CoverOpen = true }).CanPrint);
    }
}
