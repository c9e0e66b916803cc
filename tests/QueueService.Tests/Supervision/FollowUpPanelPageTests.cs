using System.Net.Http.Json;
using Hall.QueueService.FollowUps;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>The dashboard's follow-up panel through the 差评 loop: reasons shown, a 回访 recorded, the clerk's appeal reviewed.</summary>
public sealed class FollowUpPanelPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_supervisor_records_the_visit_and_upholds_the_clerks_appeal_from_the_panel()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("follow-up-panel")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var admin = AdministratorClient(server.BaseUrl);
        (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        using var wang = await LoginAsync(server.BaseUrl, 1, "1001");
        (await wang.PostAsync("/api/windows/1/call-next", null)).EnsureSuccessStatusCode();
        (await wang.PostAsync("/api/windows/1/finish", null)).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/windows/1/rate", new { level = 1, reasons = new[] { "attitudePoor" } })).EnsureSuccessStatusCode();
        var id = (await admin.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups", Json.Options))!.Single().Id;
        (await wang.PostAsJsonAsync($"/api/follow-ups/{id}/appeal", new { reason = "群众误按，已当场说明。" })).EnsureSuccessStatusCode();

        var page = await chromium.NewPageAsync(1600, 1000);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        var item = page.Locator("#follow-ups li[data-ticket='A001']");
        await Assertions.Expect(item.Locator(".fu-reasons")).ToHaveTextAsync("群众所选原因：服务态度差");
        await Assertions.Expect(item.Locator(".fu-appeal")).ToContainTextAsync("窗口申诉：群众误按，已当场说明。（待复核）");

        await item.Locator(".fu-visit-channel").SelectOptionAsync("phone");
        await item.Locator(".fu-visit-note").FillAsync("群众确认误按，表示满意。");
        await item.Locator(".fu-visit-save").ClickAsync();
        await Assertions.Expect(item.Locator(".fu-visit")).ToContainTextAsync("（电话，赵敏）：群众确认误按，表示满意。");
        await item.Locator(".fu-review-note").FillAsync("回访属实，申诉成立。");
        await page.Locator("#follow-ups").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "supervision-follow-up-appeal");
        await item.Locator(".fu-uphold").ClickAsync();

        // Upheld: the follow-up is closed and the rating no longer counts.
        await Assertions.Expect(item).ToHaveCountAsync(0);
        var closed = (await admin.GetFromJsonAsync<List<FollowUpView>>("/api/follow-ups?status=closed", Json.Options))!.Single();
        Assert.Equal(("upheld", "phone"), (closed.Appeal!.Decision, closed.Visit!.Channel));
    }
}
