using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Complaints;

/// <summary>
/// The dashboard's complaint panel in headless Chromium, against the hall server on real Kestrel with the test's
/// clock (from Monday 2026-11-23 09:00), so a complaint can fall overdue: entry by a supervisor, answer, close,
/// invalid and the overdue filter.
/// </summary>
public sealed class ComplaintPanelPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly HallServerFactory _hall = new();

    public void Dispose() => _hall.Dispose();

    /// <summary>The in-memory hall on Kestrel at a free loopback port; returns its address.</summary>
    internal static string StartOnKestrel(HallServerFactory hall)
    {
        var port = FreePort.Next();
        hall.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        hall.StartServer();
        return $"http://127.0.0.1:{port}";
    }

    private static async Task<string> ReceivedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_supervisor_enters_answers_closes_and_sets_aside_complaints_and_finds_the_overdue_one()
    {
        var baseUrl = StartOnKestrel(_hall);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var admin = AdministratorClient(baseUrl);
        // Monday 23rd: a web complaint, and one taken on site that is due by the end of Tuesday.
        var web = await ReceivedAsync(await http.PostAsJsonAsync("/api/complaints",
            new { channel = "web", windowNumber = 1, staffCode = "1001", content = "窗口工作人员态度生硬。", contactName = "张三", contactPhone = "13800138000" }));
        var onSite = await ReceivedAsync(await admin.PostAsJsonAsync("/api/complaints", new { channel = "onSite", windowNumber = 2, content = "二号窗口长时间无人。" }));
        _hall.Clock.Jump(TimeSpan.FromDays(2));   // Wednesday 25th 09:00: the on-site one is overdue, the web one (Thursday 26th) is not

        var page = await chromium.NewPageAsync(1600, 1100);
        await page.GotoAsync(baseUrl + "/supervision");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        var webItem = page.Locator($"#complaints li[data-complaint='{web}']");
        var onSiteItem = page.Locator($"#complaints li[data-complaint='{onSite}']");
        await Assertions.Expect(webItem.Locator(".cp-channel")).ToHaveTextAsync("网上");
        await Assertions.Expect(webItem.Locator(".cp-subject")).ToHaveTextAsync("窗口：1号窗口　工号：1001");
        await Assertions.Expect(webItem.Locator(".cp-contact")).ToHaveTextAsync("联系人：张* 138****8000");
        await Assertions.Expect(webItem.Locator(".cp-due")).ToHaveTextAsync("答复期限 2026/11/26");
        await Assertions.Expect(webItem.Locator(".cp-overdue")).ToHaveCountAsync(0);
        await Assertions.Expect(onSiteItem.Locator(".cp-overdue")).ToHaveTextAsync("已超期");
        await Assertions.Expect(onSiteItem.Locator(".cp-due")).ToHaveTextAsync("答复期限 2026/11/24");

        // A phone complaint entered by the supervisor, complex: five working days from Wednesday, Wednesday 2 December.
        await page.Locator("#complaint-new").ClickAsync();
        await page.Locator("#entry-channel").SelectOptionAsync("phone");
        await page.Locator("#entry-window").FillAsync("3");
        await page.Locator("#entry-content").FillAsync("来电反映：事项涉及多个部门，来回跑了三次。");
        await page.Locator("#entry-contact-name").FillAsync("李四");
        await page.Locator("#entry-contact-phone").FillAsync("13900139000");
        await page.Locator("#entry-complex").CheckAsync();
        await page.Locator("#entry-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#complaint-entry-message")).ToHaveTextAsync("已登记，答复期限 2026/12/02。");
        await Assertions.Expect(page.Locator("#complaints li.complaint")).ToHaveCountAsync(3);
        var phoneItem = page.Locator("#complaints li.complaint", new() { HasText = "来回跑了三次" });
        await Assertions.Expect(phoneItem.Locator(".cp-complex")).ToHaveTextAsync("复杂");
        await Assertions.Expect(phoneItem.Locator(".cp-contact")).ToHaveTextAsync("联系人：李* 139****9000");
        await page.Locator("#complaints-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "supervision-complaints-open");

        // The web complaint is written: it cannot close before its answer; then it is answered in writing and closed.
        await webItem.Locator(".cp-do-close").ClickAsync();
        await Assertions.Expect(webItem.Locator(".cp-error")).ToHaveTextAsync("书面投诉（网上、信件）须先书面答复才能办结。");
        await webItem.Locator(".cp-do-answer").ClickAsync();
        await webItem.Locator(".cp-answer-text").FillAsync("经核实，窗口人员服务用语不规范，已批评教育并当面致歉。");
        await webItem.Locator(".cp-answer-channel").SelectOptionAsync("letter");
        await webItem.Locator(".cp-save").ClickAsync();
        await Assertions.Expect(webItem.Locator(".cp-status")).ToHaveTextAsync("已答复");
        await Assertions.Expect(webItem.Locator(".cp-answer")).ToContainTextAsync("（书面，9001）：经核实，窗口人员服务用语不规范");
        await webItem.Locator(".cp-do-close").ClickAsync();
        await Assertions.Expect(webItem).ToHaveCountAsync(0);

        // The phone one is set aside as invalid, with the reason.
        await phoneItem.Locator(".cp-do-invalid").ClickAsync();
        await phoneItem.Locator(".cp-save").ClickAsync();
        await Assertions.Expect(phoneItem.Locator(".cp-error")).ToHaveTextAsync("请填写内容。");
        await phoneItem.Locator(".cp-invalid-reason").FillAsync("来电人撤回投诉。");
        await phoneItem.Locator(".cp-save").ClickAsync();
        await Assertions.Expect(phoneItem).ToHaveCountAsync(0);

        // Only the on-site one is overdue.
        await page.Locator("#complaint-filter").SelectOptionAsync("overdue");
        await Assertions.Expect(page.Locator("#complaints li.complaint")).ToHaveCountAsync(1);
        await Assertions.Expect(onSiteItem.Locator(".cp-overdue")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#complaint-count")).ToHaveTextAsync("1");
        await ChromiumFixture.ScreenshotAsync(page, "supervision-complaints-overdue");

        await page.Locator("#complaint-filter").SelectOptionAsync("closed");
        await Assertions.Expect(page.Locator("#complaints li.complaint")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#complaints li.invalid .cp-invalid")).ToHaveTextAsync("认定无效：来电人撤回投诉。");
        await Assertions.Expect(page.Locator($"#complaints li[data-complaint='{web}'] .cp-status")).ToHaveTextAsync("已办结");

        var closed = JsonNode.Parse(await admin.GetStringAsync("/api/complaints?status=closed"))!.AsArray();
        Assert.Equal(["closed", "invalid"], closed.Select(c => c!["status"]!.GetValue<string>()).Order());
        var answered = closed.Single(c => c!["id"]!.GetValue<string>() == web)!;
        Assert.Equal(("letter", "9001"), (answered["answerChannel"]!.GetValue<string>(), answered["handledBy"]!.GetValue<string>()));

        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("#complaints li.invalid .cp-channel")).ToHaveTextAsync("phone");
        await Assertions.Expect(page.Locator("#complaint-filter option:checked")).ToHaveTextAsync("Closed");
    }
}
