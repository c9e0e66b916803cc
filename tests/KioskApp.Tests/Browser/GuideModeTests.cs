using Hall.KioskApp.Tests.Support;
using Hall.TestSupport.Browser;
using Microsoft.Playwright;
using Xunit;

namespace Hall.KioskApp.Tests.Browser;

/// <summary>The kiosk's guide mode (办事指南) in real headless Chromium at 1080×1920 against a real kiosk and hall server.</summary>
[Collection(HallCollection.Name)]
public sealed class GuideModeTests(HallServerFixture hall, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private Kiosk _kiosk = null!;

    public async Task InitializeAsync() => _kiosk = await Kiosk.StartWithFilePrinterAsync(hall.Url);

    public async Task DisposeAsync() => await _kiosk.DisposeAsync();

    private async Task<IPage> OpenAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1080, Height = 1920 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_kiosk.Url + "/");
        await page.Locator(".service-card").First.WaitForAsync();
        return page;
    }

    [Fact]
    public async Task A_citizen_finds_a_guide_by_initials_reads_it_prints_it_and_takes_a_number_from_it()
    {
        var page = await OpenAsync();
        await Assertions.Expect(page.GetByTestId("footer-phones")).ToContainTextAsync("投诉电话：12345");
        await Assertions.Expect(page.GetByTestId("footer-phones")).ToContainTextAsync("监督电话：");
        await page.GetByTestId("guides").TapAsync();
        await Assertions.Expect(page.Locator(".guide-entry")).ToHaveCountAsync(8);
        foreach (var letter in "BDC")
        {
            await page.Locator($"#guide-letters .letter[data-letter='{letter}']").TapAsync();
        }
        await Assertions.Expect(page.GetByTestId("guide-search")).ToHaveTextAsync("BDC");
        await Assertions.Expect(page.Locator(".guide-entry")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".guide-entry")).ToContainTextAsync("不动产登记");
        await ChromiumFixture.ScreenshotAsync(page, "kiosk-guides-search");

        await page.Locator(".guide-entry").TapAsync();
        await Assertions.Expect(page.GetByTestId("guide-name")).ToHaveTextAsync("不动产登记");
        var body = page.GetByTestId("guide-body");
        await Assertions.Expect(body).ToContainTextAsync("不动产登记暂行条例");
        await Assertions.Expect(body).ToContainTextAsync("申请人身份证件（原件和复印件 1 份）");
        await Assertions.Expect(body).ToContainTextAsync("承诺时限：5 个工作日");
        await Assertions.Expect(body).ToContainTextAsync("投诉电话：12345");
        // The sample form is a QR code of its address on the hall server (a kiosk cannot hand over a file).
        var form = page.Locator(".guide-form");
        await Assertions.Expect(form).ToHaveCountAsync(1);
        await Assertions.Expect(form).ToContainTextAsync("不动产登记申请书（示范文本）");
        await Assertions.Expect(form).ToContainTextAsync("手机扫码下载表格");
        var qr = form.Locator("img.guide-form-qr");
        await Assertions.Expect(qr).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("real-estate-registration-application\\.pdf"));
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.guide-form-qr'); return i && i.complete && i.naturalWidth > 0; }");
        await ChromiumFixture.ScreenshotAsync(page, "kiosk-guide-portrait");

        await page.GetByTestId("guide-print").TapAsync();
        await Assertions.Expect(page.GetByTestId("guide-print-state")).ToHaveTextAsync("办事指南已打印，请取走");
        Assert.True(File.Exists(Path.Combine(_kiosk.PrinterFolder, "guide-C.bin")));

        await page.GetByTestId("guide-take").TapAsync();
        await page.GetByTestId("confirm-take").TapAsync();
        var number = page.GetByTestId("ticket-number");
        await number.WaitForAsync();
        Assert.StartsWith("C", await number.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guide_reads_in_English_and_in_large_type()
    {
        var page = await OpenAsync();
        await page.GetByTestId("lang-toggle").TapAsync();
        await page.GetByTestId("large-toggle").TapAsync();
        await page.GetByTestId("guides").TapAsync();
        await page.Locator(".guide-entry[data-service-id='1']").TapAsync();
        await Assertions.Expect(page.GetByTestId("guide-name")).ToHaveTextAsync("Business Registration");
        await Assertions.Expect(page.GetByTestId("guide-body")).ToContainTextAsync("Promised: 1 working days");
        await Assertions.Expect(page.Locator("#guide-online")).ToContainTextAsync("can be done online");
        var size = await page.GetByTestId("guide-body").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(size >= 30, $"large type: {size}px");
        await ChromiumFixture.ScreenshotAsync(page, "kiosk-guide-english-large");
    }
}
