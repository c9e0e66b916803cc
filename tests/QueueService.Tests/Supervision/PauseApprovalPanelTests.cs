using System.Net.Http.Json;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Ratings.PublicEvaluationPageTests;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// 现场勘察 from the console's list of reasons, approved on the dashboard, in Chromium: the clerk picks the reason the
/// hall lists, the supervisor sees the pause waiting for approval as it happens and approves it.
/// </summary>
public sealed class PauseApprovalPanelTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_site_visit_paused_at_the_console_is_approved_on_the_dashboard()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("pause-approval")]);
        using var clerk = await LoginAsync(server.BaseUrl, 2, "1002");

        var dashboard = await chromium.NewPageAsync(1600, 1200);
        await dashboard.GotoAsync(server.BaseUrl + "/supervision");
        await LogInOnPageAsync(dashboard, "9001", DemoCredentials.Pin);
        await Assertions.Expect(dashboard.Locator("#pause-approvals")).ToBeHiddenAsync();

        // The console offers the hall's reasons under its pause field, saying which need approval.
        var console = await chromium.NewPageAsync(1280, 900);
        await console.GotoAsync(server.BaseUrl + "/console/");
        await Assertions.Expect(console.Locator("#pause-reasons option[value='现场勘察']")).ToHaveAttributeAsync("label", "现场勘察（需值班长批准）");
        (await clerk.PostAsJsonAsync("/api/windows/2/pause", new { reason = "现场勘察" })).EnsureSuccessStatusCode();

        var line = dashboard.Locator("#pause-approvals li[data-window='2']");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-decision", "pending");
        await Assertions.Expect(line).ToContainTextAsync("2号窗口 李强（1002） 现场勘察");
        await Assertions.Expect(line).ToContainTextAsync("待审批，未批准按离岗计");
        await dashboard.Locator("#pause-approvals").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(dashboard, "supervision-pause-approval");
        await line.Locator("button.approve").ClickAsync();
        await Assertions.Expect(line).ToHaveAttributeAsync("data-decision", "approved");
        await Assertions.Expect(line.Locator("button")).ToHaveCountAsync(0);

        await dashboard.Locator("#lang").ClickAsync();
        await Assertions.Expect(line.Locator(".decision")).ToHaveTextAsync("approved");
    }
}
