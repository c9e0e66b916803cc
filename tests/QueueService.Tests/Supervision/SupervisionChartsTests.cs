using System.Net.Http.Json;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>The dashboard's ECharts charts in headless Chromium, as a 值班长 opens them: Chinese labels, then English.</summary>
public sealed class SupervisionChartsTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>The data of one series of the ECharts chart in <paramref name="id"/>, as JSON.</summary>
    internal static Task<string> SeriesDataAsync(IPage page, string id, int series) =>
        page.EvaluateAsync<string>($"() => JSON.stringify(echarts.getInstanceByDom(document.getElementById('{id}')).getOption().series[{series}].data)");

    internal static Task<string> SeriesNameAsync(IPage page, string id, int series) =>
        page.EvaluateAsync<string>($"() => echarts.getInstanceByDom(document.getElementById('{id}')).getOption().series[{series}].name");

    private static Task<string> CategoriesAsync(IPage page, string id, string axis) =>
        page.EvaluateAsync<string>($"() => JSON.stringify(echarts.getInstanceByDom(document.getElementById('{id}')).getOption().{axis}[0].data)");

    [Fact]
    public async Task The_charts_draw_arrivals_waits_satisfaction_and_last_week_with_chinese_labels()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("supervision-charts")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        for (var i = 0; i < 3; i++)
        {
            (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        }
        using var wang = await SupervisionPageTests.LoginAsync(server.BaseUrl, 1, "1001");
        foreach (var step in new[] { "call-next", "start", "finish" })
        {
            (await wang.PostAsync($"/api/windows/1/{step}", null)).EnsureSuccessStatusCode();
        }
        (await http.PostAsJsonAsync("/api/windows/1/rate", new { level = 5 })).EnsureSuccessStatusCode();

        var page = await chromium.NewPageAsync(1600, 1400);
        var scriptErrors = new List<string>();
        page.PageError += (_, e) => scriptErrors.Add(e);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        foreach (var id in new[] { "chart", "chart-wait", "chart-satisfaction", "chart-week" })
        {
            await Assertions.Expect(page.Locator($"#{id}[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        }
        await Assertions.Expect(page.Locator("#kpi-issued")).ToHaveTextAsync("3");

        var hour = await CategoriesAsync(page, "chart", "xAxis");
        Assert.Matches("\"\\d+时\"", hour);
        Assert.Equal("[3]", await SeriesDataAsync(page, "chart", 0));
        Assert.Equal("到达人数", await SeriesNameAsync(page, "chart", 0));
        Assert.Equal("开放窗口", await SeriesNameAsync(page, "chart", 1));
        Assert.Equal("建议窗口（Erlang C）", await SeriesNameAsync(page, "chart", 2));
        // The first ticket was called at once: one ticket in the 0–5 minute band.
        Assert.Contains("\"0–5分钟\"", await CategoriesAsync(page, "chart-wait", "xAxis"));
        Assert.StartsWith("[1,0,", await SeriesDataAsync(page, "chart-wait", 0));
        Assert.Equal("[100]", await SeriesDataAsync(page, "chart-satisfaction", 0));
        Assert.Equal("今日到达", await SeriesNameAsync(page, "chart-week", 0));
        Assert.Equal("上周同日到达", await SeriesNameAsync(page, "chart-week", 1));
        Assert.Equal("[3]", await SeriesDataAsync(page, "chart-week", 0));
        Assert.Equal("[0]", await SeriesDataAsync(page, "chart-week", 1));
        await ChromiumFixture.ScreenshotAsync(page, "supervision-charts-zh");

        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Windows");
        Assert.Equal("Arrivals", await SeriesNameAsync(page, "chart", 0));
        Assert.Contains("\"0–5 min\"", await CategoriesAsync(page, "chart-wait", "xAxis"));
        Assert.Equal("Same weekday last week", await SeriesNameAsync(page, "chart-week", 1));
        await ChromiumFixture.ScreenshotAsync(page, "supervision-charts-en");
        Assert.Empty(scriptErrors);
    }
}
