using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hall.Hardware.EscPos;
using Hall.KioskApp.Tests.Support;
using Xunit;

namespace Hall.KioskApp.Tests.Guides;

/// <summary>The guide mode's print on a real KioskApp against a real QueueService: <c>POST /api/print-guide</c> writes guide-&lt;prefix&gt;.bin.</summary>
[Collection(HallCollection.Name)]
public sealed class PrintGuideTests(HallServerFixture hall)
{
    [Fact]
    public async Task A_printed_guide_holds_the_service_its_materials_days_fees_place_and_phones_in_GB18030()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url) };
        var guide = JsonNode.Parse(await http.GetStringAsync("/api/services/3/guide"))!;
        var prefix = guide["prefix"]!.GetValue<string>();

        var printed = await http.PostAsJsonAsync("/api/print-guide", new { serviceId = 3 });
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        Assert.True(JsonNode.Parse(await printed.Content.ReadAsStringAsync())!["printed"]!.GetValue<bool>());

        var job = await File.ReadAllBytesAsync(Path.Combine(kiosk.PrinterFolder, $"guide-{prefix}.bin"));
        Assert.Equal(new byte[] { 0x1B, 0x40 }, job[..2]);
        Assert.True(EscPosReader.IndexOf(job, [0x1C, 0x26]) > 0, "Chinese mode (FS &)");
        foreach (var text in new[] { "办 事 指 南", "不动产登记", "不动产登记暂行条例", "申请人身份证件（原件和复印件 1 份）", "法定时限：30 个工作日",
                     "承诺时限：5 个工作日", "住宅类每件80元", "一楼 C区", "投诉电话：12345" })
        {
            Assert.True(EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes(text)) > 0, "the guide prints " + text);
        }
        Assert.True(EscPosReader.IndexOf(job, [0x1D, 0x56, 0x42]) > 0, "a partial cut");

        // The sample form as a QR code of its full address on the hall server, which serves it.
        var form = guide["guide"]!["forms"]![0]!;
        Assert.True(EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes("表格下载（手机扫码）")) > 0);
        Assert.True(EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes(form["name"]!.GetValue<string>())) > 0);
        var formUrl = Assert.Single(EscPosReader.NativeQrPayloads(job));
        Assert.Equal(form["url"]!.GetValue<string>(), formUrl);
        using var server = new HttpClient();
        var download = await server.GetAsync(formUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_online_service_prints_the_QR_of_its_online_address_and_an_unknown_one_is_404()
    {
        await using var kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);
        using var http = new HttpClient { BaseAddress = new Uri(kiosk.Url) };
        var guide = JsonNode.Parse(await http.GetStringAsync("/api/services/1/guide"))!;
        var online = guide["guide"]!["onlineUrl"]!.GetValue<string>();

        (await http.PostAsJsonAsync("/api/print-guide", new { serviceId = 1 })).EnsureSuccessStatusCode();
        var job = await File.ReadAllBytesAsync(Path.Combine(kiosk.PrinterFolder, $"guide-{guide["prefix"]!.GetValue<string>()}.bin"));
        Assert.Equal(online, EscPosReader.NativeQrPayload(job));
        Assert.True(EscPosReader.IndexOf(job, EscPosEncoding.Gb18030.GetBytes("本事项可网上办理")) > 0);

        var unknown = await http.PostAsJsonAsync("/api/print-guide", new { serviceId = 99 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal("noGuide", problem.RootElement.GetProperty("code").GetString());
    }
}
