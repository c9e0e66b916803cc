using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using Xunit;

namespace Hall.DisplayBoard.Tests.Board;

/// <summary>
/// 评价结果公开 on the board: a hand-made month of ratings through the QueueService process's APIs, read by the
/// DisplayBoard process from GET /api/public/evaluation and shown in the 公开屏 rotation as each window's satisfaction.
/// </summary>
public sealed class BoardEvaluationTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Timeout = 20_000;

    private static async Task<HttpClient> ClerkAsync(string baseUrl, int window, string staffCode)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var login = await http.PostAsJsonAsync($"/api/windows/{window}/login", new { staffCode, pin = DemoCredentials.Pin });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        return http;
    }

    private static async Task ServeAndRateAsync(HttpClient anonymous, HttpClient clerk, int window, int level)
    {
        (await anonymous.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        (await clerk.PostAsync($"/api/windows/{window}/call-next", null)).EnsureSuccessStatusCode();
        (await clerk.PostAsync($"/api/windows/{window}/finish", null)).EnsureSuccessStatusCode();
        (await anonymous.PostAsJsonAsync($"/api/windows/{window}/rate", new { level })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Each_windows_satisfaction_this_month_comes_round_in_the_public_panel()
    {
        await using var queue = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("evaluation-queue")]);
        using var anonymous = new HttpClient { BaseAddress = new Uri(queue.BaseUrl) };
        using var wang = await ClerkAsync(queue.BaseUrl, 1, "1001");
        using var li = await ClerkAsync(queue.BaseUrl, 2, "1002");
        foreach (var level in new[] { 5, 4, 1 })
        {
            await ServeAndRateAsync(anonymous, wang, 1, level);
        }
        foreach (var level in new[] { 5, 2 })
        {
            await ServeAndRateAsync(anonymous, li, 2, level);
        }
        var month = (await anonymous.GetFromJsonAsync<JsonElement>("/api/hall")).GetProperty("now").GetString()![..7];

        await using var board = await HostProcess.StartAsync("DisplayBoard", FreePort.Next(),
        [
            "--Board:ServerUrl=" + queue.BaseUrl,
            "--Board:RotateSeconds=3",
            "--Board:Windows:0=1", "--Board:Windows:1=2", "--Board:Windows:2=3",
            "--Voice:OutputDirectory=" + TestPaths.NewTempDirectory("evaluation-voice"),
        ]);
        var page = await chromium.NewPageAsync(1920, 1080);
        await page.GotoAsync(board.BaseUrl + "/");

        var slide = page.Locator($".evaluation-slide[data-month='{month}']");
        await Assertions.Expect(slide.Locator(".evaluation[data-window='1'] .evaluation-rate")).ToHaveTextAsync("66.7%", new() { Timeout = Timeout });
        await Assertions.Expect(slide.Locator(".evaluation[data-window='1'] .evaluation-window")).ToHaveTextAsync("1号窗口 全面综合");
        await Assertions.Expect(slide.Locator(".evaluation[data-window='1'] .evaluation-count")).ToHaveTextAsync("评价3次 · 差评1");
        await Assertions.Expect(slide.Locator(".evaluation[data-window='2'] .evaluation-rate")).ToHaveTextAsync("50.0%");
        // Window 3 is on this board but has no ratings; windows of other boards are not shown.
        await Assertions.Expect(slide.Locator(".evaluation")).ToHaveCountAsync(2);

        await Assertions.Expect(slide).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#panel-title")).ToHaveTextAsync($"{month.Replace("-", "年", StringComparison.Ordinal)}月窗口满意率");
        await ChromiumFixture.ScreenshotAsync(page, "board-evaluation");

        using var figures = await new HttpClient().GetAsync(board.BaseUrl + "/api/board");
        var view = await figures.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(month, view.GetProperty("evaluation").GetProperty("month").GetString());
    }
}
