using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Admin;

/// <summary>
/// The administration page's guide editor in headless Chromium against a real server process: a guide written on the
/// page is what the guide API then answers (materials, working days, a linked sample form), and a promised limit
/// longer than the statutory one is refused with the server's words.
/// </summary>
public sealed class AdminGuideEditorTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_guide_written_on_the_page_is_what_kiosks_and_phones_read()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("adminguides")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        var page = await AdminPage.LogInAsync(context, server.BaseUrl);

        await page.Locator("#guide-service").SelectOptionAsync("2");
        await Assertions.Expect(page.Locator("#guide-forms .form-row")).ToHaveCountAsync(3);
        await page.Locator("#guide-basis").FillAsync("《工程建设项目审批制度改革实施意见》");
        await page.Locator("#guide-statutoryDays").FillAsync("20");
        await page.Locator("#guide-promisedDays").FillAsync("10");
        await page.Locator("#guide-location").FillAsync("二楼 B区");
        await page.Locator("#guide-add-material").ClickAsync();
        var material = page.Locator("#guide-materials .material-row").Last;
        await material.Locator(".material-name").FillAsync("建设工程规划许可证");
        await material.Locator(".material-form").SelectOptionAsync("originalAndCopy");
        await material.Locator(".material-copies").FillAsync("2");
        var form = page.Locator("#guide-forms .form-row", new PageLocatorOptions { HasText = "company-registration-application.pdf" });
        await form.Locator(".form-chosen").CheckAsync();
        await form.Locator(".form-name").FillAsync("申请表（示范文本）");
        await page.Locator("#guide-save").ClickAsync();
        await Assertions.Expect(page.Locator("#guide-message")).ToContainTextAsync("办事指南已保存");
        await page.Locator("#guides-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "admin-guide-editor-zh");

        var guide = (await http.GetFromJsonAsync<JsonObject>("/api/services/2/guide"))!["guide"]!;
        Assert.Equal("《工程建设项目审批制度改革实施意见》", guide["basis"]!.GetValue<string>());
        Assert.Equal(10, guide["promisedDays"]!.GetValue<int>());
        Assert.Equal("二楼 B区", guide["location"]!.GetValue<string>());
        var saved = guide["materials"]!.AsArray().Last()!;
        Assert.Equal("建设工程规划许可证", saved["name"]!.GetValue<string>());
        Assert.Equal("originalAndCopy", saved["form"]!.GetValue<string>());
        Assert.Equal(2, saved["copies"]!.GetValue<int>());
        var linked = Assert.Single(guide["forms"]!.AsArray())!;
        Assert.Equal("申请表（示范文本）", linked["name"]!.GetValue<string>());
        Assert.EndsWith("/forms/company-registration-application.pdf", linked["url"]!.GetValue<string>(), StringComparison.Ordinal);

        // 承诺时限 longer than 法定时限 is refused, and the stored guide stays.
        await page.Locator("#guide-promisedDays").FillAsync("30");
        await page.Locator("#guide-save").ClickAsync();
        await Assertions.Expect(page.Locator("#guide-message")).ToContainTextAsync("未保存");
        await Assertions.Expect(page.Locator("#guide-message")).ToContainTextAsync("promisedDays");
        Assert.Equal(10, (await http.GetFromJsonAsync<JsonObject>("/api/services/2/guide"))!["guide"]!["promisedDays"]!.GetValue<int>());

        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#guides-panel h2")).ToHaveTextAsync("Service guides");
    }
}
