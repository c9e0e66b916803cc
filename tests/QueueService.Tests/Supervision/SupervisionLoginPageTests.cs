using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hall.QueueService.FollowUps;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;
using static Hall.QueueService.Tests.Supervision.SupervisionPageTests;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>
/// The supervisor's login on /supervision and what it opens: alerts, device states, follow-ups of bad ratings (closed
/// through the page) and the monthly report, in headless Chromium against the real server process.
/// </summary>
public sealed class SupervisionLoginPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static async Task FinishAndRateAsync(HttpClient clerk, HttpClient anyone, int window, int level)
    {
        (await clerk.PostAsync($"/api/windows/{window}/call-next", null)).EnsureSuccessStatusCode();
        (await clerk.PostAsync($"/api/windows/{window}/start", null)).EnsureSuccessStatusCode();
        (await clerk.PostAsync($"/api/windows/{window}/finish", null)).EnsureSuccessStatusCode();
        (await anyone.PostAsJsonAsync($"/api/windows/{window}/rate", new { level })).EnsureSuccessStatusCode();
    }

    private static async Task<List<FollowUpView>> FollowUpsAsync(HttpClient admin, string status) =>
        (await admin.GetFromJsonAsync<List<FollowUpView>>($"/api/follow-ups?status={status}", Json.Options))!;

    [Fact]
    public async Task A_supervisor_logs_in_sees_alerts_devices_and_follow_ups_closes_one_and_downloads_the_monthly_report()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("supervisor-login"), "--Supervision:CheckIntervalSeconds=1"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var admin = AdministratorClient(server.BaseUrl);
        for (var i = 0; i < 2; i++)
        {
            (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        }
        using var wang = await LoginAsync(server.BaseUrl, 1, "1001");
        await FinishAndRateAsync(wang, http, 1, level: 1);   // A001 非常不满意: a follow-up and an alert
        (await http.PostAsJsonAsync("/api/devices/status", new { deviceId = "kiosk-1/printer", kind = "printer", status = "paperOut" })).EnsureSuccessStatusCode();

        var page = await chromium.NewPageAsync(1600, 1000);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");

        // Logged out: live windows and open statistics, but the supervisor's panels ask for a login.
        await Assertions.Expect(page.Locator(".window[data-window='1'] .clerk")).ToContainTextAsync("王丽");
        await Assertions.Expect(page.Locator("#kpi-issued")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#alerts .login-needed")).ToHaveTextAsync("登录后查看");
        await Assertions.Expect(page.Locator("#devices .login-needed")).ToHaveTextAsync("登录后查看");
        await Assertions.Expect(page.Locator("#limits .login-needed")).ToHaveTextAsync("登录后查看");
        await Assertions.Expect(page.Locator("#follow-ups .login-needed")).ToHaveTextAsync("登录后查看");
        await Assertions.Expect(page.Locator("#who")).ToBeHiddenAsync();

        // A wrong PIN and a clerk who is no supervisor are told why, from the server's problem details.
        await LogInOnPageAsync(page, "9001", "0000");
        await Assertions.Expect(page.Locator("#auth-message")).ToHaveTextAsync("工号或密码错误。");
        await Assertions.Expect(page.Locator("#auth-message")).ToHaveAttributeAsync("data-status", "401");
        await Assertions.Expect(page.Locator("#login-pin")).ToHaveValueAsync("");
        await ChromiumFixture.ScreenshotAsync(page, "supervision-login-zh");
        await LogInOnPageAsync(page, "1002", DemoCredentials.Pin);
        await Assertions.Expect(page.Locator("#auth-message")).ToContainTextAsync("不是值班长或督查人员");
        await Assertions.Expect(page.Locator("#auth-message")).ToHaveAttributeAsync("data-status", "403");
        await Assertions.Expect(page.Locator("#alerts .login-needed")).ToHaveCountAsync(1);

        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        await Assertions.Expect(page.Locator("#who-name")).ToHaveTextAsync("值班长 赵敏（9001）");
        // 考勤 of today: 王丽 is on duty since her login, the clerks who did not come are absent.
        await Assertions.Expect(page.Locator("#attendance-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#attendance-rows tr[data-staff='1001']")).ToContainTextAsync("王丽（1001）");
        await Assertions.Expect(page.Locator("#attendance-rows tr[data-staff='1001']")).ToContainTextAsync("在岗");
        await Assertions.Expect(page.Locator("#attendance-rows tr[data-staff='1003']")).ToContainTextAsync("缺勤");
        await page.Locator("#attendance-panel").ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "supervision-attendance-zh");
        // The month up to today, summed per clerk: 1001 present today only, 1003 absent every day of the month so far
        // (the demo hall opens every day).
        var dayOfMonth = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Day;
        await page.Locator("#attendance-view").SelectOptionAsync("month");
        await Assertions.Expect(page.Locator("#attendance-col-1")).ToHaveTextAsync("出勤(天)");
        await Assertions.Expect(page.Locator("#attendance-rows tr[data-staff='1001'] td").Nth(1)).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#attendance-rows tr[data-staff='1003'] td").Nth(2)).ToHaveTextAsync(dayOfMonth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ChromiumFixture.ScreenshotAsync(page, "supervision-attendance-month-zh");
        await page.Locator("#attendance-view").SelectOptionAsync("day");
        await Assertions.Expect(page.Locator("#login")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#auth-message")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#devices li[data-device='kiosk-1/printer']")).ToContainTextAsync("缺纸");
        // The limits panel: the bounded queues of the server (this page's hub connection among them) and any refusals.
        await Assertions.Expect(page.Locator("#limits li[data-queue='hubConnections']")).ToContainTextAsync("实时连接数：");
        await Assertions.Expect(page.Locator("#alerts li[data-kind='device']")).ToContainTextAsync("kiosk-1/printer");
        await Assertions.Expect(page.Locator("#alerts li[data-kind='badRating']")).ToContainTextAsync("A001");

        var first = page.Locator("#follow-ups li[data-ticket='A001']");
        await Assertions.Expect(first.Locator(".rating")).ToHaveTextAsync("非常不满意");
        await Assertions.Expect(first.Locator(".fu-window")).ToHaveTextAsync("1号窗口 全面综合");
        await Assertions.Expect(first.Locator(".fu-clerk")).ToHaveTextAsync("王丽（1001）");
        var due = (await FollowUpsAsync(admin, "open")).Single().DueAt;
        await Assertions.Expect(first.Locator(".fu-due")).ToContainTextAsync(due.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(first).Not.ToHaveClassAsync(new Regex("overdue"));
        await Assertions.Expect(page.Locator("#follow-up-count")).ToHaveTextAsync("1");

        // Close it through the page: the answer is required, the handler defaults to the supervisor's name.
        await first.Locator(".fu-open").ClickAsync();
        await Assertions.Expect(first.Locator(".fu-handled-by")).ToHaveValueAsync("赵敏");
        await first.Locator(".fu-close").ClickAsync();
        await Assertions.Expect(first.Locator(".fu-error")).ToHaveTextAsync("请填写回访或整改情况。");
        await first.Locator(".fu-answer").FillAsync("已电话回访群众，窗口补充告知材料清单。");
        await Assertions.Expect(first.Locator(".fu-error")).ToHaveCountAsync(0);
        await ChromiumFixture.ScreenshotAsync(page, "supervision-follow-up-zh");
        await first.Locator(".fu-close").ClickAsync();
        await Assertions.Expect(first).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#follow-ups .none")).ToHaveTextAsync("暂无待办回访");
        Assert.Empty(await FollowUpsAsync(admin, "open"));
        var closed = Assert.Single(await FollowUpsAsync(admin, "closed"));
        Assert.Equal("A001", closed.TicketNumber);
        Assert.Equal("已电话回访群众，窗口补充告知材料清单。", closed.Answer);
        Assert.Equal("赵敏", closed.HandledBy);

        // A new bad rating arrives live (through the hub's TicketChanged), without reloading.
        await FinishAndRateAsync(wang, http, 1, level: 2);
        var second = page.Locator("#follow-ups li[data-ticket='A002']");
        await Assertions.Expect(second.Locator(".rating")).ToHaveTextAsync("不满意");

        // The monthly report is fetched with the token and saved as a file.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#monthly-report"));
        Assert.Matches(@"^monthly-report-\d{4}-\d{2}\.csv$", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("统计区间,类别,编号,名称,取号量", csv.TrimStart('\uFEFF'));
        Assert.Contains(",合计,", csv);
        await Assertions.Expect(page.Locator("#report-message")).ToContainTextAsync(download.SuggestedFilename);

        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#who-name")).ToHaveTextAsync("Supervisor 赵敏 (9001)");
        await Assertions.Expect(page.Locator("#logout")).ToHaveTextAsync("Log out");
        await Assertions.Expect(second.Locator(".rating")).ToHaveTextAsync("Dissatisfied");
        await Assertions.Expect(second.Locator(".fu-window")).ToHaveTextAsync("Window 1");
        await Assertions.Expect(second.Locator(".service")).ToHaveTextAsync("Business Registration");
        await Assertions.Expect(page.Locator("#monthly-report")).ToHaveTextAsync("Download this month's report (CSV)");
        await second.ScrollIntoViewIfNeededAsync();
        await ChromiumFixture.ScreenshotAsync(page, "supervision-follow-up-en");
        await page.ClickAsync("#lang");

        // Logging out ends the session on the server too, and the panels ask for a login again.
        var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('hall.supervisor')).token");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#logout"), r => r.Url.EndsWith("/api/supervision/logout") && r.Status == 204);
        await Assertions.Expect(page.Locator("#auth-message")).ToHaveTextAsync("已退出登录。");
        await Assertions.Expect(page.Locator("#follow-ups .login-needed")).ToHaveTextAsync("登录后查看");
        await Assertions.Expect(page.Locator("#alerts .login-needed")).ToHaveCountAsync(1);
        using var withOldToken = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        withOldToken.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withOldToken.GetAsync("/api/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_session_the_server_no_longer_accepts_returns_the_page_to_the_login_with_a_message()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("supervisor-expired")]);
        var page = await chromium.NewPageAsync(1600, 900);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        await Assertions.Expect(page.Locator("#who-name")).ToContainTextAsync("赵敏");
        await Assertions.Expect(page.Locator("#follow-ups .none")).ToHaveCountAsync(1);

        // The session ends on the server behind the page's back (as at expiry): the next request answers 401. The page is
        // away meanwhile (the tab keeps its session storage), so that an open page noticing first cannot forget the
        // session before the page under test loads.
        var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('hall.supervisor')).token");
        await page.GotoAsync("about:blank");
        using var sameSession = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        sameSession.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await sameSession.PostAsync("/api/supervision/logout", null)).EnsureSuccessStatusCode();
        await page.GotoAsync(server.BaseUrl + "/supervision");

        await Assertions.Expect(page.Locator("#auth-message")).ToHaveTextAsync("登录已失效，请重新登录。", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#who")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#follow-ups .login-needed")).ToHaveCountAsync(1);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('hall.supervisor')"));
        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#auth-message")).ToHaveTextAsync("Your session has ended; please log in again.");
    }

    [Fact]
    public async Task Repeated_wrong_PINs_lock_the_login_and_the_page_says_so()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("supervisor-locked")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        for (var i = 0; i < 5; i++)   // Admin:MaxFailedLogins defaults to 5
        {
            var response = await http.PostAsJsonAsync("/api/supervision/login", new { staffCode = "9001", pin = "9999" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var page = await chromium.NewPageAsync(1600, 900);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        await Assertions.Expect(page.Locator("#auth-message")).ToHaveAttributeAsync("data-status", "429");
        await Assertions.Expect(page.Locator("#auth-message")).ToContainTextAsync("密码错误次数过多");
        await Assertions.Expect(page.Locator("#who")).ToBeHiddenAsync();
        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#auth-message")).ToContainTextAsync("Too many wrong attempts");
    }

    [Fact]
    public async Task When_the_hall_keeps_statistics_for_staff_the_figures_and_the_report_need_the_login()
    {
        var folder = TestPaths.NewTempDirectory("supervisor-staff-statistics");
        var hallFile = Path.Combine(folder, "hall.json");
        using (var stream = typeof(HallFileLoader).Assembly.GetManifestResourceStream("Hall.QueueService.HallSetup.DemoHall.json")!)
        {
            var hall = JsonNode.Parse(stream)!;
            hall["security"]!["statistics"] = "staff";
            await File.WriteAllTextAsync(hallFile, hall.ToJsonString());
        }
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:DataDirectory=" + Path.Combine(folder, "data"), "--Queue:HallFile=" + hallFile]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/stats")).StatusCode);

        var page = await chromium.NewPageAsync(1600, 900);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await Assertions.Expect(page.Locator("#queues tr[data-service='1'] .waiting")).ToHaveTextAsync("1");   // the hub stays open
        await Assertions.Expect(page.Locator("#figures-note")).ToContainTextAsync("仅对工作人员开放");
        await Assertions.Expect(page.Locator("#kpi-issued")).ToHaveTextAsync("–");
        await page.ClickAsync("#monthly-report");
        await Assertions.Expect(page.Locator("#report-message")).ToHaveTextAsync("请先登录再下载月报。");

        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        await Assertions.Expect(page.Locator("#kpi-issued")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#figures-note")).ToBeHiddenAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#monthly-report"));
        Assert.Contains(",合计,", await File.ReadAllTextAsync((await download.PathAsync())!));

        await page.ClickAsync("#logout");
        await Assertions.Expect(page.Locator("#kpi-issued")).ToHaveTextAsync("–");
        await Assertions.Expect(page.Locator("#figures-note")).ToBeVisibleAsync();
    }
}
