using System.Net;
using System.Text;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Admin;

/// <summary>
/// The administration page's devices and keys in real headless Chromium against the real server: a key read off the
/// page issues tickets, and stops doing so the moment the page revokes or replaces it.
/// </summary>
public sealed class AdminDevicesPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_kiosk_added_on_the_page_issues_tickets_with_the_shown_key_until_it_is_revoked_or_replaced()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("admindevices")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
        });
        var page = await AdminPage.LogInAsync(context, server.BaseUrl);

        // The demo hall's devices (two kiosks, the board, the window 1 tablet, the bus gateway), in Chinese, each with its key from the hall file.
        await Assertions.Expect(page.Locator("#devices tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(Row(page, "bus-1")).ToContainTextAsync("总线网关");
        await Assertions.Expect(Row(page, "kiosk-1")).ToContainTextAsync("取号机");
        await Assertions.Expect(Row(page, "board-1")).ToContainTextAsync("显示屏");
        await Assertions.Expect(Row(page, "rate-1")).ToContainTextAsync("评价平板");
        await Assertions.Expect(Row(page, "rate-1").Locator("td").Nth(3)).ToHaveTextAsync("1号窗口 全面综合");
        await Assertions.Expect(Row(page, "kiosk-1")).ToContainTextAsync("由大厅配置文件发放");

        // The server's refusals are shown with their detail.
        await AddAsync(page, "kiosk-1", "kiosk", "重复的取号机");
        await Assertions.Expect(page.Locator("#device-message")).ToContainTextAsync("添加设备未完成：设备 kiosk-1 已存在");
        await AddAsync(page, "rate-9", "evaluator", "没有窗口的评价平板");
        await Assertions.Expect(page.Locator("#device-message")).ToContainTextAsync("windowNumber");
        await Assertions.Expect(page.Locator("#issued")).ToBeHiddenAsync();

        // Added: the key is shown once with the kiosk's exact settings, and it issues tickets.
        await AddAsync(page, "kiosk-9", "kiosk", "二楼取号机9");
        await Assertions.Expect(page.Locator("#issued")).ToBeVisibleAsync();
        var first = await ShownKeyAsync(page, "kiosk-9");
        await Assertions.Expect(page.Locator("#issued-setting")).ToHaveTextAsync($"--Kiosk:DeviceId=kiosk-9 --Kiosk:DeviceKey={first}");
        await Assertions.Expect(page.Locator("#issued")).ToContainTextAsync("密钥只显示这一次，关闭后无法再次查看");
        await Assertions.Expect(Row(page, "kiosk-9")).ToContainTextAsync("有效");
        await Assertions.Expect(Row(page, "kiosk-9")).ToContainTextAsync("由管理员 admin 发放");
        Assert.Equal(HttpStatusCode.Created, await IssueTicketAsync(http, first));
        await page.Locator("#copy-setting").ClickAsync();
        await Assertions.Expect(page.Locator("#copied")).ToBeVisibleAsync();
        await page.Locator("#devices-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "admin-devices-key-issued-zh");

        // A new key, after the confirmation: the old key is refused, the new one works.
        await Row(page, "kiosk-9").Locator("button[data-action='issue']").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#confirm-text")).ToContainTextAsync("旧密钥将立即失效");
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(page.Locator("#issued-key")).Not.ToHaveTextAsync(first);
        var second = await ShownKeyAsync(page, "kiosk-9");
        Assert.Equal(HttpStatusCode.Unauthorized, await IssueTicketAsync(http, first));
        Assert.Equal(HttpStatusCode.Created, await IssueTicketAsync(http, second));

        // Cancelling a revocation keeps the key.
        await Row(page, "kiosk-9").Locator("button[data-action='revoke']").ClickAsync();
        await page.Locator("#confirm-cancel").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToBeHiddenAsync();
        Assert.Equal(HttpStatusCode.Created, await IssueTicketAsync(http, second));

        // Revoked: the same request answers 401, and the page says the kiosk has no key.
        await Row(page, "kiosk-9").Locator("button[data-action='revoke']").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-text")).ToContainTextAsync("吊销 kiosk-9 的密钥");
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(Row(page, "kiosk-9")).ToContainTextAsync("无密钥");
        await Assertions.Expect(page.Locator("#issued")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#device-message")).ToHaveTextAsync("已吊销 kiosk-9 的密钥。");
        Assert.Equal(HttpStatusCode.Unauthorized, await IssueTicketAsync(http, second));

        // A new key through the page (no old key, so nothing to confirm) works again.
        await Row(page, "kiosk-9").Locator("button[data-action='issue']").ClickAsync();
        var third = await ShownKeyAsync(page, "kiosk-9");
        Assert.NotEqual(second, third);
        Assert.Equal(HttpStatusCode.Created, await IssueTicketAsync(http, third));

        // In English, with the settings still on screen until the administrator closes them.
        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#devices-panel h2")).ToHaveTextAsync("Devices and keys");
        await Assertions.Expect(Row(page, "kiosk-9")).ToContainTextAsync("Kiosk");
        await Assertions.Expect(Row(page, "kiosk-9")).ToContainTextAsync("Active · issued");
        await Assertions.Expect(Row(page, "kiosk-9").Locator("button[data-action='revoke']")).ToHaveTextAsync("Revoke");
        await Assertions.Expect(page.Locator("#issued-title")).ToContainTextAsync("New key for kiosk kiosk-9");
        await Assertions.Expect(page.Locator("#issued")).ToContainTextAsync("cannot be shown again");
        await Assertions.Expect(page.Locator("#issued-key")).ToHaveTextAsync(third);
        await page.Locator("#devices-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "admin-devices-key-issued-en");
        await page.Locator("#issued-close").ClickAsync();
        await Assertions.Expect(page.Locator("#issued")).ToBeHiddenAsync();
        Assert.DoesNotContain(third, await page.ContentAsync());

        // Deleted: the key stops working with the device.
        await Row(page, "kiosk-9").Locator("button[data-action='delete']").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-text")).ToContainTextAsync("Delete the device kiosk-9");
        await page.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(Row(page, "kiosk-9")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, await IssueTicketAsync(http, third));
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_evaluator_tablet_gets_its_start_address_with_the_key_for_its_window()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("admindevices")]);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
        });
        var page = await AdminPage.LogInAsync(context, server.BaseUrl);
        await Assertions.Expect(page.Locator("#devices tbody tr")).ToHaveCountAsync(5);

        await page.Locator("#device-kind").SelectOptionAsync("evaluator");
        await Assertions.Expect(page.Locator("#device-window-field")).ToBeVisibleAsync();
        await page.Locator("#device-window").SelectOptionAsync("2");
        await AddAsync(page, "rate-2", null, "2号窗口评价平板");
        var key = await ShownKeyAsync(page, "rate-2");
        await Assertions.Expect(page.Locator("#issued-setting")).ToHaveTextAsync($"{server.BaseUrl}/rate/2?key={key}");
        await Assertions.Expect(Row(page, "rate-2")).ToContainTextAsync("评价平板");

        // The key is the tablet's own for window 2: accepted there (nothing to rate yet is 409, not 401 or 403), refused at window 1.
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        Assert.Equal(HttpStatusCode.Conflict, await RateAsync(http, 2, key));
        Assert.Equal(HttpStatusCode.Forbidden, await RateAsync(http, 1, key));
        await context.CloseAsync();
    }

    private static ILocator Row(IPage page, string id) => page.Locator($"#devices tbody tr[data-id='{id}']");

    /// <summary>Fills the add form; a null kind keeps the kind (and window) already chosen.</summary>
    private static async Task AddAsync(IPage page, string id, string? kind, string name)
    {
        if (kind is not null)
        {
            await page.Locator("#device-kind").SelectOptionAsync(kind);
        }
        await page.Locator("#device-id").FillAsync(id);
        await page.Locator("#device-name").FillAsync(name);
        await page.Locator("#device-add").ClickAsync();
        await Assertions.Expect(page.Locator("#device-add")).ToBeEnabledAsync();
    }

    private static async Task<string> ShownKeyAsync(IPage page, string deviceId)
    {
        await Assertions.Expect(page.Locator("#issued")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#issued-key")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^" + deviceId + @"\.[A-Za-z0-9_-]{20,}$"));
        return await page.Locator("#issued-key").InnerTextAsync();
    }

    private static async Task<HttpStatusCode> IssueTicketAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = new StringContent("""{"serviceId":1}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Device-Key", key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> RateAsync(HttpClient http, int window, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/windows/{window}/rate") { Content = new StringContent("""{"level":5}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Device-Key", key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
