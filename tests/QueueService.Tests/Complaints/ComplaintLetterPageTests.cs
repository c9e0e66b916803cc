using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Complaints;

/// <summary>The printable answer to a written complaint (supervision/complaint-letter.html), reached from the dashboard's panel.</summary>
public sealed class ComplaintLetterPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task A_letter_complaint_answered_on_the_dashboard_prints_as_an_A4_answer_with_the_hall_the_complaint_and_the_handler()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("complaint-letter")]);
        using var admin = AdministratorClient(server.BaseUrl);
        var received = await admin.PostAsJsonAsync("/api/complaints",
            new { channel = "letter", windowNumber = 2, staffCode = "1002", content = "来信反映：办理营业执照时被要求重复提交材料。", contactName = "王五" });
        received.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await received.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        var page = await chromium.NewPageAsync(1280, 1000);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        var item = page.Locator($"#complaints li[data-complaint='{id}']");
        await Assertions.Expect(item.Locator(".cp-print")).ToHaveCountAsync(0);   // nothing to print before the answer
        await item.Locator(".cp-do-answer").ClickAsync();
        await item.Locator(".cp-answer-text").FillAsync("经核实，窗口未执行一次性告知制度。已对相关人员批评教育，并将材料清单在窗口公示。");
        await item.Locator(".cp-save").ClickAsync();
        await item.Locator(".cp-print").ClickAsync();

        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var letter = page.Locator("#letter");
        await Assertions.Expect(letter.Locator("h1")).ToHaveTextAsync("投诉答复函");
        await Assertions.Expect(page.Locator("#hall")).ToHaveTextAsync("示范县政务服务中心");
        await Assertions.Expect(page.Locator("#reference")).ToHaveTextAsync(id);
        await Assertions.Expect(page.Locator("#salutation")).ToHaveTextAsync("王*：");
        await Assertions.Expect(page.Locator("#channel")).ToHaveTextAsync("信件");
        await Assertions.Expect(page.Locator("#subject")).ToHaveTextAsync("2号窗口，工号 1002");
        await Assertions.Expect(page.Locator("#content")).ToHaveTextAsync("来信反映：办理营业执照时被要求重复提交材料。");
        await Assertions.Expect(page.Locator("#answer")).ToHaveTextAsync("经核实，窗口未执行一次性告知制度。已对相关人员批评教育，并将材料清单在窗口公示。");
        await Assertions.Expect(page.Locator("#handler")).ToHaveTextAsync("赵敏（工号 9001）");
        await Assertions.Expect(page.Locator("#answer-channel")).ToHaveTextAsync("书面");
        await Assertions.Expect(page.Locator("#answered")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}年\d{1,2}月\d{1,2}日$"));
        await ChromiumFixture.ScreenshotAsync(page, "complaint-letter");

        // On paper the page's buttons are gone and the letter fills an A4 page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".tools")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "complaint-letter.pdf") });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task Without_a_supervisors_login_the_letter_page_says_to_log_in()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("complaint-letter")]);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + $"/supervision/complaint-letter.html?id={Guid.NewGuid()}");
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync("请先在大厅值班监控页登录值班长账号，再打开答复函。");
        await Assertions.Expect(page.Locator("#letter")).ToBeHiddenAsync();
    }
}
