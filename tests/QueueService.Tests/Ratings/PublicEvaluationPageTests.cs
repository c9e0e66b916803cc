using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Ratings;

/// <summary>评价结果公开 at /evaluation: a hand-made month of ratings through the server's APIs, read by anyone in Chromium.</summary>
public sealed class PublicEvaluationPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>One visit at a window: a ticket of the service, called, finished and rated at the window's evaluator.</summary>
    internal static async Task ServeAndRateAsync(HttpClient anonymous, HttpClient clerk, int window, int level, int serviceId = 1)
    {
        (await anonymous.PostAsJsonAsync("/api/tickets", new { serviceId })).EnsureSuccessStatusCode();
        (await clerk.PostAsync($"/api/windows/{window}/call-next", null)).EnsureSuccessStatusCode();
        (await clerk.PostAsync($"/api/windows/{window}/finish", null)).EnsureSuccessStatusCode();
        (await anonymous.PostAsJsonAsync($"/api/windows/{window}/rate", new { level })).EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Window 1 rated 5, 4 and 1, the 1 followed up by phone and closed; window 2 rated 5 and 2, its follow-up still open.
    /// </summary>
    internal static async Task MakeAMonthAsync(string baseUrl)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var wang = await LoginAsync(baseUrl, 1, "1001");
        using var li = await LoginAsync(baseUrl, 2, "1002");
        foreach (var level in new[] { 5, 4, 1 })
        {
            await ServeAndRateAsync(anonymous, wang, 1, level);
        }
        foreach (var level in new[] { 5, 2 })
        {
            await ServeAndRateAsync(anonymous, li, 2, level);
        }
        using var admin = AdministratorClient(baseUrl);
        var followUp = JsonNode.Parse(await admin.GetStringAsync("/api/follow-ups"))!.AsArray().Single(f => f!["windowNumber"]!.GetValue<int>() == 1)!;
        var id = followUp["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/api/follow-ups/{id}/visit", new { channel = "phone", by = "赵敏", note = "群众对整改表示认可。" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/follow-ups/{id}/close", new { answer = "已当面致歉并整改。", handledBy = "赵敏" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Anyone_reads_each_windows_and_services_month_of_ratings_without_any_citizens_data()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("public-evaluation")]);
        await MakeAMonthAsync(server.BaseUrl);
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var month = JsonNode.Parse(await anonymous.GetStringAsync("/api/hall"))!["now"]!.GetValue<string>()[..7];

        var page = await chromium.NewPageAsync(1280, 900);
        await page.GotoAsync(server.BaseUrl + "/evaluation");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        Assert.Equal(month, await page.Locator("#month").InputValueAsync());
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync($"{month.Replace("-", "年", StringComparison.Ordinal)}月 共 5 条评价，满意率 60.0%");

        var window1 = page.Locator("#windows tr[data-window='1']");
        await Assertions.Expect(window1.Locator(".name")).ToHaveTextAsync("1号窗口 全面综合");
        await Assertions.Expect(window1.Locator(".ratings")).ToHaveTextAsync("3");
        await Assertions.Expect(window1.Locator(".level-5")).ToHaveTextAsync("1");
        await Assertions.Expect(window1.Locator(".level-1")).ToHaveTextAsync("1");
        await Assertions.Expect(window1.Locator(".satisfaction")).ToHaveTextAsync("66.7%");
        await Assertions.Expect(window1.Locator(".bad")).ToHaveTextAsync("1");
        await Assertions.Expect(window1.Locator(".rectified")).ToHaveTextAsync("100.0%");
        await Assertions.Expect(window1.Locator(".followed-up")).ToHaveTextAsync("100.0%");
        var window2 = page.Locator("#windows tr[data-window='2']");
        await Assertions.Expect(window2.Locator(".satisfaction")).ToHaveTextAsync("50.0%");
        await Assertions.Expect(window2.Locator(".rectified")).ToHaveTextAsync("0.0%");
        await Assertions.Expect(page.Locator("#windows tr[data-window='3'] .satisfaction")).ToHaveTextAsync("—");
        var service1 = page.Locator("#services tr[data-service='1']");
        await Assertions.Expect(service1.Locator(".ratings")).ToHaveTextAsync("5");
        await Assertions.Expect(service1.Locator(".bad")).ToHaveTextAsync("2");
        await Assertions.Expect(service1.Locator(".rectified")).ToHaveTextAsync("50.0%");
        await Assertions.Expect(service1.Locator(".followed-up")).ToHaveTextAsync("50.0%");
        await ChromiumFixture.ScreenshotAsync(page, "public-evaluation");
        Assert.DoesNotContain("赵敏", await page.ContentAsync(), StringComparison.Ordinal);

        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(window1.Locator(".name")).ToHaveTextAsync("Window 1");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Published ratings of the hall's services");

        // Another month has no ratings.
        var earlier = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#month").FillAsync(earlier);
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-month", earlier);
        await Assertions.Expect(window1.Locator(".ratings")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync($"{earlier}: 0 ratings, satisfaction —");
    }
}
