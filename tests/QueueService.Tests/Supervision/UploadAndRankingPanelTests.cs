using System.Text.Json.Nodes;
using Hall.QueueService.Tests.RatingUpload;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Ratings.PublicEvaluationPageTests;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// The dashboard's 好差评 upload panel (backlog and the error holding it, against a platform that refuses every try)
/// and the month's satisfaction ranking of windows and clerks (only those with enough ratings), in Chromium.
/// </summary>
public sealed class UploadAndRankingPanelTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_dashboard_shows_the_upload_backlog_with_its_last_error_and_ranks_windows_and_clerks_with_enough_ratings()
    {
        await using var platform = await RatingReceiver.StartAsync();
        platform.FailFirstTries = int.MaxValue;
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
        [
            "--Queue:DataDirectory=" + TestPaths.NewTempDirectory("upload-ranking"), "--Ratings:RankingMinimumRatings=2",
            "--Ratings:UploadUrl=" + platform.Url, "--Ratings:UploadRetryDelay=00:10:00",
        ]);
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var wang = await LoginAsync(server.BaseUrl, 1, "1001");
        using var li = await LoginAsync(server.BaseUrl, 2, "1002");
        using var zhang = await LoginAsync(server.BaseUrl, 3, "1003");
        await ServeAndRateAsync(anonymous, wang, 1, 5);
        await ServeAndRateAsync(anonymous, wang, 1, 5);
        await ServeAndRateAsync(anonymous, li, 2, 5);
        await ServeAndRateAsync(anonymous, li, 2, 1);
        await ServeAndRateAsync(anonymous, zhang, 3, 4, serviceId: 2);   // one rating: too few to rank
        using var admin = AdministratorClient(server.BaseUrl);
        await Eventually.TrueAsync(async () => JsonNode.Parse(await admin.GetStringAsync("/api/supervision/rating-uploads"))!["lastError"] is not null,
            explain: () => server.Output);

        var page = await chromium.NewPageAsync(1600, 1200);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await Assertions.Expect(page.Locator("#uploads")).ToContainTextAsync("登录后查看");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);

        await Assertions.Expect(page.Locator("#uploads li[data-upload='unsent']")).ToHaveTextAsync("待上报 5 条");
        await Assertions.Expect(page.Locator("#uploads li[data-upload='sent']")).ToHaveTextAsync("已上报 0 条");
        await Assertions.Expect(page.Locator("#uploads li[data-upload='error']")).ToHaveTextAsync("最近错误：HTTP 500");
        await Assertions.Expect(page.Locator("#uploads li[data-upload='oldest']")).ToContainTextAsync("最早一条待上报：");
        await Assertions.Expect(page.Locator("#uploads li[data-upload='configured']")).ToHaveCountAsync(0);

        var windows = page.Locator("#ranking-windows tbody tr");
        await Assertions.Expect(windows).ToHaveCountAsync(2);
        await Assertions.Expect(windows.Nth(0)).ToHaveAttributeAsync("data-id", "1");
        await Assertions.Expect(windows.Nth(0).Locator(".rate")).ToHaveTextAsync("100.0%");
        await Assertions.Expect(windows.Nth(0).Locator(".rank")).ToHaveTextAsync("1");
        await Assertions.Expect(windows.Nth(1)).ToHaveAttributeAsync("data-id", "2");
        await Assertions.Expect(windows.Nth(1).Locator(".rate")).ToHaveTextAsync("50.0%");
        await Assertions.Expect(windows.Nth(1).Locator(".bad")).ToHaveTextAsync("1");
        var clerks = page.Locator("#ranking-clerks tbody tr");
        await Assertions.Expect(clerks).ToHaveCountAsync(2);
        await Assertions.Expect(clerks.Nth(0).Locator(".name")).ToHaveTextAsync("王丽（1001）");
        await Assertions.Expect(clerks.Nth(1).Locator(".name")).ToHaveTextAsync("李强（1002）");
        await Assertions.Expect(page.Locator("#ranking-minimum")).ToHaveTextAsync("评价满 2 次方参与排名");
        await page.Locator("#ranking-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "supervision-ranking");
        await page.Locator("#uploads").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "supervision-uploads");

        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#uploads li[data-upload='unsent']")).ToHaveTextAsync("5 waiting");
        await Assertions.Expect(windows.Nth(0).Locator(".name")).ToHaveTextAsync("Window 1");
    }
}
