using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.KioskApp.Options;
using Hall.KioskApp.Printing;
using Hall.KioskApp.Tests.Support;
using Xunit;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Hall.KioskApp.Tests.Printing;

public class TicketLayoutTests
{
    private static readonly IssuedTicket Ticket = new(
        Guid.Parse("0193a5b0-0000-7000-8000-000000000001"), "A012", 1, "企业开办", "Business Registration",
        TicketStatus.Waiting, TicketPriority.Appointment, 5, 20,
        new DateTimeOffset(2025, 3, 3, 1, 30, 0, TimeSpan.Zero), "http://hall.example/t/0193a5b0-0000-7000-8000-000000000001",
        "示范县政务服务中心", [1, 2, 6], ["营业执照申请书", "法定代表人身份证件"], "110105**********002X", null);

    private static TicketLayout Layout(string qrMode = "native") => new(
        MsOptions.Create(new PrinterOptions { QrMode = qrMode, Target = "x" }),
        MsOptions.Create(new KioskOptions { ServerUrl = "http://hall", TimeZone = "Asia/Shanghai" }));

    [Fact]
    public void Prints_every_part_in_order_inside_chinese_mode()
    {
        var job = Layout().Render(Ticket);

        Assert.Equal(new byte[] { 0x1B, 0x40, 0x1C, 0x26 }, job[..4]);
        var positions = new[]
        {
            "示范县政务服务中心", "企业开办", "【预约】", "A012", "您前面还有 ", "预计等候约 20 分钟",
            "取号时间：2025-03-03 09:30:00", "办理窗口：1、2、6 号窗口", "证件号码：110105**********002X",
            "1. 营业执照申请书", "2. 法定代表人身份证件",
        }.Select(text => EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes(text))).ToArray();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);

        var number = EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes("A012"));
        Assert.Equal(EscPosCommands.CharacterSize(TicketLayout.NumberMagnification, TicketLayout.NumberMagnification),
            job[(number - 6)..(number - 3)]);
        Assert.Equal(Ticket.TrackingUrl, EscPosReader.NativeQrPayload(job));
        Assert.True(EscPosReader.IndexOf(job, EscPosCommands.ChineseModeOff()) > EscPosReader.IndexOf(job, EscPosCommands.QrPrint()));
        Assert.Equal(EscPosCommands.FeedAndPartialCut(), job[^4..]);
    }

    [Fact]
    public void The_text_reminder_phone_prints_masked_after_the_id_number()
    {
        var job = Layout().Render(Ticket with { SmsPhone = "138****5678" });
        var id = EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes("证件号码：110105**********002X"));
        var phone = EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes("到号短信提醒：138****5678"));
        Assert.True(id >= 0 && phone > id);
        Assert.Equal(-1, EscPosReader.IndexOf(Layout().Render(Ticket), EscPosEncoding.Gb18030.GetBytes("到号短信提醒")));
    }

    [Fact]
    public void Raster_mode_draws_the_qr_code_as_an_image()
    {
        var job = Layout("raster").Render(Ticket);
        Assert.Null(EscPosReader.NativeQrPayload(job));
        var expected = EscPosCommands.RasterImage(QrCodeImage.Render(Ticket.TrackingUrl, TicketLayout.QrModuleDots));
        Assert.True(EscPosReader.IndexOf(job, expected) > 0);
    }

    [Fact]
    public void Long_lines_wrap_at_48_columns_counting_chinese_as_two()
    {
        var lines = PrintColumns.Wrap("1. " + new string('材', 30), indent: "   ");
        Assert.Equal(2, lines.Count);
        Assert.True(lines.All(l => PrintColumns.Width(l) <= PrintColumns.LineWidth));
        Assert.StartsWith("   ", lines[1], StringComparison.Ordinal);
    }
}
