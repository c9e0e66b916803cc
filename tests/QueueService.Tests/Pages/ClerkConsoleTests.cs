using System.Net.Http.Json;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Pages;

/// <summary>The clerk console in real headless Chromium against the real server process.</summary>
public sealed class ClerkConsoleTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_clerk_logs_in_calls_the_next_number_with_F1_and_finishes()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("console")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var issued = await http.PostAsJsonAsync("/api/tickets", new { serviceId = 2 });
        issued.EnsureSuccessStatusCode();
        var ticketId = (await issued.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();

        var page = await chromium.NewPageAsync(1280, 900);
        await page.GotoAsync(server.BaseUrl + "/console/");
        await page.FillAsync("#window", "1");
        await page.FillAsync("#staff", "1001");
        await page.FillAsync("#pin", "0000");
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("工号或密码错误");

        await page.FillAsync("#pin", DemoCredentials.Pin);
        await page.ClickAsync("#login");
        await Assertions.Expect(page.Locator("#badge")).ToContainTextAsync("王丽（1001）· A岗");
        await Assertions.Expect(page.Locator("#counts")).ToContainTextAsync("B 工程建设项目审批1");

        await page.Keyboard.PressAsync("F1");
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("B001");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("呼叫中");
        await page.ClickAsync("#start");
        await Assertions.Expect(page.Locator("#elapsed")).ToContainTextAsync("承诺");
        await ChromiumFixture.ScreenshotAsync(page, "console-serving");

        // 办结 as a 承诺件 of 3 working days: the outcome goes with the finish.
        await page.ClickAsync("#finish");
        await page.Keyboard.PressAsync("2");
        await page.FillAsync("#finish-days", "3");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("—");
        await Assertions.Expect(page.Locator("#finish-dialog")).ToBeHiddenAsync();
        var outcome = (await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/tickets/{ticketId}"))!["outcome"]!;
        Assert.Equal("accepted", outcome["kind"]!.GetValue<string>());
        Assert.NotNull(outcome["dueDate"]);
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("空闲");
        // Today's figures of this window follow the finish.
        await Assertions.Expect(page.Locator("#today li").First).ToHaveTextAsync("已办结1");

        // Nobody waits any more: the console says so instead of failing silently.
        await page.ClickAsync("#call-next");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("当前没有等候的群众。");

        // 求助: the supervisor is called at once (an alert of kind helpCall).
        await page.ClickAsync("#help");
        // Visible, not only its text (which the hidden element has from the start): the call has been answered.
        await Assertions.Expect(page.Locator("#help-sent")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#help-sent")).ToHaveTextAsync("已通知值班长，请稍候。");
        var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        var alerts = await admin.GetFromJsonAsync<List<System.Text.Json.Nodes.JsonObject>>("/api/alerts");
        Assert.Contains(alerts!, a => a["kind"]!.GetValue<string>() == "helpCall" && a["windowNumber"]!.GetValue<int>() == 1);

        // A 差评 appears under 我的差评 and the clerk appeals it with a reason.
        await Assertions.Expect(page.Locator("#appeals")).ToHaveTextAsync("暂无差评");
        (await http.PostAsJsonAsync("/api/windows/1/rate", new { level = 2, reasons = new[] { "slow" } })).EnsureSuccessStatusCode();
        var bad = page.Locator("#appeals li[data-ticket='B001']");
        await Assertions.Expect(bad).ToContainTextAsync("不满意");
        await Assertions.Expect(bad.Locator(".reasons")).ToHaveTextAsync("办事效率低");
        await bad.Locator(".appeal-send").ClickAsync();
        await Assertions.Expect(bad.Locator(".error")).ToContainTextAsync("请填写申诉理由");
        await bad.Locator(".appeal-reason").FillAsync("系统故障导致等候，非窗口原因。");
        await bad.Locator(".appeal-send").ClickAsync();
        await Assertions.Expect(bad.Locator(".appeal-state")).ToHaveTextAsync("已申诉，待复核");
        await ChromiumFixture.ScreenshotAsync(page, "console-appeal");

        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Idle");
        await page.ClickAsync("#logout");
        await Assertions.Expect(page.Locator("#login-form")).ToBeVisibleAsync();
    }
}
