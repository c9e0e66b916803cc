using System.Globalization;
using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Printing;

/// <summary>
/// The printed ticket (排队凭条) for an 80 mm printer: hall name, the number very large, service, people ahead,
/// expected wait, time of issue in the hall's zone, windows, materials (一次性告知), the hall's complaint and
/// supervision phones, a QR code of the tracking URL, the masked ID number and a footer. All text is sent in Chinese mode as GB18030.
/// </summary>
public sealed class TicketLayout(IOptions<PrinterOptions> printerOptions, IOptions<KioskOptions> kioskOptions)
{
    /// <summary>Magnification of the number: 6 × 6 makes "A001" about 36 mm wide and 18 mm high.</summary>
    public const int NumberMagnification = 6;

    /// <summary>Dots per QR module: about 30 mm for a typical tracking URL at 203 dpi.</summary>
    public const int QrModuleDots = 6;

    /// <summary>Dots per module of the second QR code (the service's full guide).</summary>
    public const int GuideQrModuleDots = 4;

    private static readonly string Rule = new('-', PrintColumns.LineWidth);

    public byte[] Render(IssuedTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var issuedAt = TimeZoneInfo.ConvertTime(ticket.IssuedAt, kioskOptions.Value.HallTimeZone);
        var b = new EscPosBuilder()
            .Initialize()
            .ChineseModeOn()
            .Align(TextAlignment.Center)
            .Bold(true).CharacterSize(2, 2).Line(ticket.HallName)
            .Bold(false).CharacterSize(1, 1).Line("排 队 凭 条")
            .LineFeed()
            .Bold(true).CharacterSize(2, 2).Line(ticket.ServiceName)
            .Bold(false).CharacterSize(1, 1);
        if (PriorityLabel(ticket.Priority) is { } label)
        {
            b.Line($"【{label}】");
        }
        b.CharacterSize(NumberMagnification, NumberMagnification).Bold(true).Line(ticket.Number)
            .CharacterSize(1, 1).Bold(false)
            .LineFeed()
            .Text("您前面还有 ").CharacterSize(2, 2).Bold(true).Text(ticket.Ahead.ToString(CultureInfo.InvariantCulture))
            .CharacterSize(1, 1).Bold(false).Line(" 人等候")
            .Line($"预计等候约 {ticket.EstimatedWaitMinutes} 分钟")
            .LineFeed()
            .Align(TextAlignment.Left)
            .Line($"取号时间：{issuedAt:yyyy-MM-dd HH:mm:ss}");
        if (ticket.WindowNumbers.Count > 0)
        {
            foreach (var line in PrintColumns.Wrap($"办理窗口：{string.Join("、", ticket.WindowNumbers)} 号窗口", indent: "          "))
            {
                b.Line(line);
            }
        }
        if (!string.IsNullOrEmpty(ticket.MaskedIdNumber))
        {
            b.Line($"证件号码：{ticket.MaskedIdNumber}");
        }
        if (!string.IsNullOrEmpty(ticket.SmsPhone))
        {
            // Only the mask the hall server answered: the full number is never printed.
            b.Line($"到号短信提醒：{ticket.SmsPhone}");
        }
        if (ticket.Materials.Count > 0)
        {
            b.Line(Rule).Bold(true).Line("请备齐以下材料（一次性告知）：").Bold(false);
            for (var i = 0; i < ticket.Materials.Count; i++)
            {
                foreach (var line in PrintColumns.Wrap($"{i + 1}. {ticket.Materials[i]}", indent: "   "))
                {
                    b.Line(line);
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(ticket.Notice))
        {
            b.Line(Rule);
            foreach (var line in PrintColumns.Wrap(ticket.Notice))
            {
                b.Line(line);
            }
        }
        if (ticket.Contacts is { } contacts && (contacts.ComplaintPhone ?? contacts.SupervisionPhone) is not null)
        {
            b.Line(Rule);
            if (contacts.ComplaintPhone is { } complaint)
            {
                b.Line($"投诉电话：{complaint}");
            }
            if (contacts.SupervisionPhone is { } supervision)
            {
                b.Line($"监督电话：{supervision}");
            }
        }
        b.Line(Rule).Align(TextAlignment.Center);
        b.Qr(ticket.TrackingUrl, QrModuleDots, printerOptions.Value.RasterQr)
            .LineFeed()
            .Line("手机扫码 查看实时排队进度")
            .LineFeed();
        if (ticket.GuideUrl is { } guideUrl)
        {
            // Smaller than the tracking code, which is the one a citizen scans while waiting.
            b.Qr(guideUrl, GuideQrModuleDots, printerOptions.Value.RasterQr).Line("扫码查看完整办事指南").LineFeed();
        }
        b
            .Line("请留意叫号屏幕和语音提示")
            .Line("过号请到窗口或咨询导办台咨询")
            .Line("本凭条当日有效")
            .ChineseModeOff()
            .FeedLines(3)
            .FeedAndPartialCut();
        return b.ToArray();
    }

    public static string? PriorityLabel(TicketPriority priority) => priority switch
    {
        TicketPriority.Green => "绿色通道",
        TicketPriority.Appointment => "预约",
        TicketPriority.Elderly => "优先",
        _ => null,
    };
}
