using System.Net.Http.Json;
using System.Text.Json;
using Hall.DisplayBoard.Tests.EndToEnd;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using Xunit;

namespace Hall.DisplayBoard.Tests.Board;

/// <summary>
/// The 公开屏 on the board page, all real: notices added through the QueueService process's administration API, the
/// DisplayBoard process relaying them, the page in headless Chromium at 1920×1080. A notice in force shows, an expired
/// one never does, a call takes the call box at once while a notice is shown, and the staff on duty and the hall's
/// phones are on the board.
/// </summary>
public sealed class BoardNoticesTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task Notices_in_force_and_the_staff_on_duty_rotate_beside_the_calls_and_never_hide_one()
    {
        await using var queue = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("notices-queue")]);
        using var admin = new HttpClient { BaseAddress = new Uri(queue.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        var now = DateTimeOffset.UtcNow;
        var inForce = await AddAsync(admin, new { title = "延时服务通知", body = "每周三下午延时至18:30。", from = now.AddHours(-1), to = now.AddHours(1) });
        await AddAsync(admin, new { title = "已过期的通知", body = "不应再显示。", to = now.AddMinutes(-1) });
        using (var login = await admin.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin }))
        {
            login.EnsureSuccessStatusCode();
        }

        await using var board = await HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
        [
            "--Board:ServerUrl=" + queue.BaseUrl,
            "--Board:RotateSeconds=3",
            "--Voice:OutputDirectory=" + TestPaths.NewTempDirectory("notices-voice"),
        ]);
        var page = await chromium.NewPageAsync(1920, 1080);
        await page.GotoAsync(board.BaseUrl + "/");

        var notice = page.Locator($".notice-slide[data-notice='{inForce}']");
        await Assertions.Expect(notice).ToContainTextAsync("延时服务通知", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".notice-slide")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("已过期的通知")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#contacts")).ToHaveTextAsync("投诉电话 12345　监督电话 0000-87650000");
        await Assertions.Expect(page.Locator(".window[data-window='1'] .clerk")).ToContainTextAsync("王丽 窗口负责人");
        await Assertions.Expect(page.Locator(".window[data-window='1'] .clerk")).ToContainTextAsync("工号1001");

        // 岗位公示 comes round in turn: window, name, 职务 and staff number of the clerk logged in.
        var staff = page.Locator(".staff[data-window='1']");
        await Assertions.Expect(staff).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(staff).ToContainTextAsync("王丽");
        await Assertions.Expect(staff.Locator(".staff-title")).ToHaveTextAsync("窗口负责人");
        await Assertions.Expect(staff.Locator(".staff-no")).ToHaveTextAsync("工号1001");
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync("岗位公示");
        await ChromiumFixture.ScreenshotAsync(page, "board-staff-on-duty");

        // While the notice is shown, a call takes the call box at once; the panel is beside it, never over it.
        await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = Timeout });
        var number = await DisplayBoardEndToEndTests.CallNextAtWindow1Async(admin);
        await Assertions.Expect(page.Locator("#latest-number")).ToHaveTextAsync(number, new() { Timeout = Timeout });
        var latest = (await page.Locator("#latest").BoundingBoxAsync())!;
        var panel = (await page.Locator("#panel").BoundingBoxAsync())!;
        Assert.True(panel.X >= latest.X + latest.Width || panel.Y >= latest.Y + latest.Height,
            $"the notice panel ({panel.X},{panel.Y} {panel.Width}×{panel.Height}) overlaps the call ({latest.X},{latest.Y} {latest.Width}×{latest.Height})");
        Assert.True(await page.EvaluateAsync<bool>(
            """
            () => {
              const box = document.getElementById('latest-number').getBoundingClientRect();
              const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
              return document.getElementById('latest').contains(top);
            }
            """), "something covers the called number");
        await ChromiumFixture.ScreenshotAsync(page, "board-notice-and-call");

        // Changes reach the board without a reload.
        var added = await AddAsync(admin, new { title = "元旦放假安排", body = "1月1日休息，1月2日起正常办公。" });
        await Assertions.Expect(page.Locator($".notice-slide[data-notice='{added}']")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        (await admin.DeleteAsync($"/api/admin/notices/{inForce}")).EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator($".notice-slide[data-notice='{inForce}']")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".notice-slide")).ToHaveCountAsync(1);
    }

    private static async Task<long> AddAsync(HttpClient admin, object notice)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/notices", notice);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
