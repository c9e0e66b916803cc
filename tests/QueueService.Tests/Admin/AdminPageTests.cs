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
        });
        var page = await AdminPage.LogInAsync(context, server.BaseUrl);

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

    [Fact]
    public async Task The_page_logs_in_with_its_own_form_exports_the_hall_and_logs_out()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("adminlogin")]);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var challenged = false;
        page.Response += (_, response) => challenged |= response.Headers.ContainsKey("www-authenticate");
        await page.GotoAsync(server.BaseUrl + "/admin/");

        // Nothing of the hall shows before the login; a wrong password says so in Chinese.
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#admin")).ToBeHiddenAsync();
        await page.Locator("#login-password").FillAsync("not-the-password");
        await page.Locator("#login-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#login-message")).ToHaveTextAsync("管理员用户名或密码错误。");
        await ChromiumFixture.ScreenshotAsync(page, "admin-login-refused");

        await page.Locator("#login-password").FillAsync(DemoCredentials.AdminPassword);
        await page.Locator("#login-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#hall-name")).ToHaveTextAsync("示范县政务服务中心");
        await Assertions.Expect(page.Locator("#who-name")).ToHaveTextAsync("管理员 admin");
        var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('hall.admin')).token");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export").ClickAsync());
        Assert.StartsWith("hall-", download.SuggestedFilename, StringComparison.Ordinal);
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!;
        Assert.Equal("示范县政务服务中心", exported["name"]!.GetValue<string>());

        await page.Locator("#logout").ClickAsync();
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#login-message")).ToHaveTextAsync("已退出登录。");
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await Eventually.TrueAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/hall");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return (await http.SendAsync(request)).StatusCode == System.Net.HttpStatusCode.Unauthorized;
        });
        Assert.False(challenged, "the browser was never asked for an HTTP Basic login");
        await context.CloseAsync();
    }
}
