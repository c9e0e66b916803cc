using System.Globalization;
using Hall.Contracts.Api;
using Hall.Hardware.EscPos;
using Hall.KioskApp.Options;
using Microsoft.Extensions.Options;

namespace Hall.KioskApp.Printing;

/// <summary>
/// The printed service guide (办事指南) for an 80 mm printer, a layout of its own beside the ticket: the service, its
/// basis, conditions, materials (original or copy, how many), procedure, time limits in working days, fees, where in
/// the hall, the phones, a QR code of the online service where there is one and one per sample form. GB18030 in Chinese mode.
/// </summary>
public sealed class GuideLayout(IOptions<PrinterOptions> printerOptions, IOptions<KioskOptions> kioskOptions, TimeProvider time)
{
    private static readonly string Rule = new('-', PrintColumns.LineWidth);

    public byte[] Render(string hallName, ServiceGuideInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var guide = info.Guide;
        var b = new EscPosBuilder()
            .Initialize()
            .ChineseModeOn()
            .Align(TextAlignment.Center)
            .Bold(true).CharacterSize(1, 1).Line(hallName)
            .Line("办 事 指 南")
            .CharacterSize(2, 2).Line(info.Name)
            .CharacterSize(1, 1).Bold(false)
            .Align(TextAlignment.Left);
        Section(b, "设定依据", guide.Basis);
        Section(b, "办理条件", guide.Conditions);
        b.Line(Rule).Bold(true).Line("申请材料").Bold(false);
        var materials = guide.Materials.Count > 0
            ? guide.Materials.Select(m => $"{m.Name}（{FormText(m.Form)} {m.Copies} 份）{(m.Note is null ? "" : "：" + m.Note)}").ToList()
            : info.Materials.ToList();
        for (var i = 0; i < materials.Count; i++)
        {
            Wrapped(b, $"{i + 1}. {materials[i]}", "   ");
        }
        if (materials.Count == 0)
        {
            b.Line("无需材料");
        }
        Section(b, "办理流程", guide.Procedure);
        b.Line(Rule).Bold(true).Line("办理时限").Bold(false);
        if (guide.StatutoryDays is { } statutory)
        {
            b.Line($"法定时限：{statutory} 个工作日");
        }
        if (guide.PromisedDays is { } promised)
        {
            b.Line(promised == 0 ? "承诺时限：即办件，材料齐全当场办结" : $"承诺时限：{promised} 个工作日");
        }
        Section(b, "收费标准", guide.Fees);
        Section(b, "办理地点", guide.Location);
        if (guide.Phone is not null)
        {
            b.Line(Rule).Line($"咨询电话：{guide.Phone}");
        }
        if (guide.OnlineUrl is not null)
        {
            b.Line(Rule).Align(TextAlignment.Center).Bold(true).Line("本事项可网上办理，无需到现场").Bold(false);
            b.Qr(guide.OnlineUrl, TicketLayout.QrModuleDots, printerOptions.Value.RasterQr);
            Wrapped(b, guide.OnlineUrl, "");
            b.Align(TextAlignment.Left);
        }
        if (guide.Forms.Count > 0)
        {
            // One QR code per sample form: the citizen downloads the blank form on the phone.
            b.Line(Rule).Bold(true).Line("表格下载（手机扫码）").Bold(false);
            foreach (var form in guide.Forms)
            {
                Wrapped(b, form.Name, "   ");
                b.Align(TextAlignment.Center);
                b.Qr(form.Url, TicketLayout.QrModuleDots, printerOptions.Value.RasterQr);
                b.Align(TextAlignment.Left);
            }
        }
        b.Line(Rule);
        if (info.Contacts.ComplaintPhone is { } complaint)
        {
            b.Line($"投诉电话：{complaint}");
        }
        if (info.Contacts.SupervisionPhone is { } supervision)
        {
            b.Line($"监督电话：{supervision}");
        }
        var printedAt = TimeZoneInfo.ConvertTime(time.GetUtcNow(), kioskOptions.Value.HallTimeZone);
        return b.Line(string.Create(CultureInfo.InvariantCulture, $"打印时间：{printedAt:yyyy-MM-dd HH:mm}"))
            .ChineseModeOff()
            .FeedLines(3)
            .FeedAndPartialCut()
            .ToArray();
    }

    public static string FormText(MaterialForm form) => form switch
    {
        MaterialForm.Copy => "复印件",
        MaterialForm.OriginalAndCopy => "原件和复印件",
        _ => "原件",
    };

    private static void Section(EscPosBuilder b, string title, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        b.Line(Rule).Bold(true).Line(title).Bold(false);
        foreach (var paragraph in text.Split('\n'))
        {
            Wrapped(b, paragraph.TrimEnd('\r'), "   ");
        }
    }

    private static void Wrapped(EscPosBuilder b, string text, string indent)
    {
        foreach (var line in PrintColumns.Wrap(text, indent: indent))
        {
            b.Line(line);
        }
    }
}
