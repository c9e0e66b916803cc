using System.Net.Http.Json;
using System.Text.Json;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Ratings.PublicEvaluationPageTests;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Outcomes;

/// <summary>The dashboard's 承诺件 panel in Chromium: a case accepted at a window is listed with its due date, then completed.</summary>
public sealed class PromisedCasesPanelTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_case_accepted_at_a_window_is_listed_by_its_due_date_and_completed_from_the_dashboard()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("promised-panel")]);
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var clerk = await LoginAsync(server.BaseUrl, 1, "1001");
        (await anonymous.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        (await clerk.PostAsync("/api/windows/1/call-next", null)).EnsureSuccessStatusCode();
        var finished = await clerk.PostAsJsonAsync("/api/windows/1/finish", new { outcome = "accepted", promisedWorkingDays = 3, caseNumber = "QY-2026-0001" });
        finished.EnsureSuccessStatusCode();
        var ticket = (await finished.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket");
        var due = ticket.GetProperty("outcome").GetProperty("dueDate").GetString()!;

        var page = await chromium.NewPageAsync(1600, 1200);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        var line = page.Locator($"#promised-cases li[data-ticket='{ticket.GetProperty("id").GetString()}']");
        await Assertions.Expect(line).ToContainTextAsync($"A001 企业开办 申办编号 QY-2026-0001 到期 {due}（1号窗口受理）");
        await line.Locator("button.complete").ClickAsync();
        await Assertions.Expect(page.Locator("#promised-cases li.none")).ToHaveTextAsync("暂无未办结的承诺件");
    }
}
