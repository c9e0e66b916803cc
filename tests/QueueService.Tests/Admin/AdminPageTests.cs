using System.Text.Json.Nodes;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Admin;

/// <summary>The administration page in real headless Chromium against the real server.</summary>
public sealed class AdminPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_page_lists_the_hall_in_Chinese_and_imports_a_file_or_shows_why_not()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("adminpage")]);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            HttpCredentials = new HttpCredentials { Username = "admin", Password = "hall-admin-2026" },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/admin/");

        await Assertions.Expect(page.Locator("#hall-name")).ToHaveTextAsync("示范县政务服务中心");
        await Assertions.Expect(page.Locator("#services tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#windows tbody tr").First).ToContainTextAsync("企业开办");
        await Assertions.Expect(page.Locator("#clerks tbody")).ToContainTextAsync("王丽");

        using var http = AdminClients.WithAdmin(new HttpClient { BaseAddress = new Uri(server.BaseUrl) });
        var hall = JsonNode.Parse(await http.GetStringAsync("/api/admin/hall"))!;
        hall["windows"]![2]!["name"] = "3号窗口 工程建设";
        var file = Path.Combine(TestPaths.NewTempDirectory("adminfile"), "hall.json");
        await File.WriteAllTextAsync(file, hall.ToJsonString());
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.Locator("#import").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("导入成功，已立即生效。");
        await Assertions.Expect(page.Locator("#windows tbody")).ToContainTextAsync("3号窗口 工程建设");

        hall["services"]![1]!["prefix"] = "A";
        await File.WriteAllTextAsync(file, hall.ToJsonString());
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.Locator("#import").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("services[1].prefix");
        await ChromiumFixture.ScreenshotAsync(page, "admin-import-refused");

        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#services thead")).ToContainTextAsync("Prefix");
        await context.CloseAsync();
    }
}
