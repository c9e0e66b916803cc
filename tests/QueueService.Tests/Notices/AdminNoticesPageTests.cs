using System.Net.Http.Json;
using System.Text.Json;
using Hall.QueueService.Tests.Admin;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Notices;

/// <summary>
/// The administration page's notices panel in real headless Chromium against the real server: notices added and
/// changed on the page are what anyone reads from <c>/api/notices</c>, each listed with its state; a deletion asks first.
/// </summary>
public sealed class AdminNoticesPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Notices_are_added_changed_and_deleted_on_the_page_with_their_state()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("adminnotices")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
        });
        var page = await AdminPage.LogInAsync(context, server.BaseUrl);
        await Assertions.Expect(page.Locator("#notices-empty")).ToBeVisibleAsync();

        // In force (no period), and one that ended yesterday (hall time, Asia/Shanghai).
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1);
        await FillAsync(page, "延时服务", "每周三下午延时至18:30。", null, null);
        await Assertions.Expect(page.Locator("#notice-message")).ToHaveTextAsync("已添加公告“延时服务”。");
        await FillAsync(page, "国庆放假", "10月1日至7日休息。", yesterday.AddDays(-2), yesterday);
        await Assertions.Expect(page.Locator("#notices tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(Row(page, "延时服务").Locator(".notice-state")).ToHaveTextAsync("生效中");
        await Assertions.Expect(Row(page, "国庆放假").Locator(".notice-state")).ToHaveTextAsync("已过期");
        await Assertions.Expect(Row(page, "国庆放假")).ToContainTextAsync(yesterday.ToString("yyyy-MM-dd HH:mm"));
        Assert.Equal(["延时服务"], await PublicTitlesAsync(http));

        // A refusal is shown with the server's words; nothing is added.
        await FillAsync(page, "倒置的公告", "", yesterday, yesterday.AddHours(-1));
        await Assertions.Expect(page.Locator("#notice-message")).ToContainTextAsync("结束时间必须晚于开始时间");
        await Assertions.Expect(page.Locator("#notices tbody tr")).ToHaveCountAsync(2);

        // Changed: the expired one gets a future start, and is listed as not yet in force.
        await Row(page, "国庆放假").Locator("button[data-action='edit']").ClickAsync();
        await Assertions.Expect(page.Locator("#notice-title")).ToHaveValueAsync("国庆放假");
        var nextWeek = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(7);
        await page.Locator("#notice-title").FillAsync("元旦放假");
        await page.Locator("#notice-from").FillAsync(nextWeek.ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#notice-to").FillAsync("");
        await page.Locator("#notice-save").ClickAsync();
        await Assertions.Expect(page.Locator("#notice-message")).ToHaveTextAsync("已修改公告“元旦放假”。");
        await Assertions.Expect(Row(page, "元旦放假").Locator(".notice-state")).ToHaveTextAsync("未开始");
        await page.Locator("#notices-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "admin-notices-zh");

        // Deleting asks first; cancelling keeps it.
        await Row(page, "延时服务").Locator("button[data-action='delete']").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-text")).ToContainTextAsync("删除公告“延时服务”");
        await page.Locator("#confirm-cancel").ClickAsync();
        Assert.Equal(["延时服务"], await PublicTitlesAsync(http));
        await Row(page, "延时服务").Locator("button[data-action='delete']").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.Locator("#notices tbody tr")).ToHaveCountAsync(1);
        Assert.Empty(await PublicTitlesAsync(http));

        // English.
        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(Row(page, "元旦放假").Locator(".notice-state")).ToHaveTextAsync("Not yet");
        await Assertions.Expect(page.Locator("#notices-panel h2")).ToHaveTextAsync("Notices for the boards");
        await ChromiumFixture.ScreenshotAsync(page, "admin-notices-en");
    }

    private static ILocator Row(IPage page, string title) => page.Locator("#notices tbody tr", new() { HasText = title });

    private static async Task FillAsync(IPage page, string title, string body, DateTimeOffset? from, DateTimeOffset? to)
    {
        await page.Locator("#notice-title").FillAsync(title);
        await page.Locator("#notice-body").FillAsync(body);
        await page.Locator("#notice-from").FillAsync(from?.ToString("yyyy-MM-ddTHH:mm") ?? "");
        await page.Locator("#notice-to").FillAsync(to?.ToString("yyyy-MM-ddTHH:mm") ?? "");
        await page.Locator("#notice-save").ClickAsync();
    }

    private static async Task<List<string>> PublicTitlesAsync(HttpClient http) =>
        [.. (await http.GetFromJsonAsync<JsonElement>("/api/notices")).EnumerateArray().Select(n => n.GetProperty("title").GetString()!)];
}
