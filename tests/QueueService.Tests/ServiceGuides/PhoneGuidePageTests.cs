using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.ServiceGuides;

/// <summary>The phone's guide page (/m/guides.html) in real headless Chromium against the real server.</summary>
public sealed class PhoneGuidePageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_citizen_finds_a_guide_by_initials_on_the_phone_and_reads_it()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("guides-page")]);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/m/");
        await page.Locator("#guides-link").ClickAsync();

        await Assertions.Expect(page.Locator("#entries a")).ToHaveCountAsync(8);
        await page.Locator("#search").FillAsync("bdc");
        await Assertions.Expect(page.Locator("#entries a")).ToHaveCountAsync(1);
        await page.Locator("#search").FillAsync("不动产");
        await Assertions.Expect(page.Locator("#entries a")).ToHaveCountAsync(1);
        await page.Locator("#entries a").ClickAsync();

        await Assertions.Expect(page.Locator("#guide-name")).ToHaveTextAsync("不动产登记");
        var body = page.Locator("#guide-body");
        await Assertions.Expect(body).ToContainTextAsync("不动产登记暂行条例");
        await Assertions.Expect(body).ToContainTextAsync("法定时限：30 个工作日");
        await Assertions.Expect(body).ToContainTextAsync("申请人身份证件（原件和复印件 1 份）");
        await Assertions.Expect(page.Locator("#phones")).ToContainTextAsync("投诉电话：12345");
        await ChromiumFixture.ScreenshotAsync(page, "phone-guide");

        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#guide-name")).ToHaveTextAsync("Real Estate Registration");
        await Assertions.Expect(body).ToContainTextAsync("Statutory limit: 30 working days");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_tickets_second_QR_address_opens_the_guide_and_says_when_it_can_be_done_online()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("guides-page")]);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/m/guides.html?service=1");
        await Assertions.Expect(page.Locator("#guide-name")).ToHaveTextAsync("企业开办");
        await Assertions.Expect(page.Locator("#guide-online")).ToContainTextAsync("本事项可网上办理");
        await Assertions.Expect(page.Locator("#list")).ToBeHiddenAsync();
        await context.CloseAsync();
    }
}
