using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Supervision;

/// <summary>The supervisor's dashboard at /supervision in headless Chromium against the real server process.</summary>
public sealed class SupervisionPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    internal static async Task<HttpClient> LoginAsync(string baseUrl, int window, string staffCode)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await (await http.PostAsJsonAsync($"/api/windows/{window}/login", new { staffCode, pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        return http;
    }

    /// <summary>The administrator's HTTP Basic (the demo password), which supervision endpoints accept too.</summary>
    internal static HttpClient AdministratorClient(string baseUrl)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        return http;
    }

    /// <summary>Logs in through the header's form, as a supervisor at the desk would.</summary>
    internal static async Task LogInOnPageAsync(IPage page, string staffCode, string pin)
    {
        // The page's modules must have run (their handlers attached) before the form is used; on a loaded machine a
        // click can come first. The hub's connection state is set by them.
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await page.FillAsync("#login-staff", staffCode);
        await page.FillAsync("#login-pin", pin);
        await page.ClickAsync("#login-submit");
    }

    [Fact]
    public async Task The_dashboard_shows_windows_queues_figures_and_the_chart_and_follows_the_hall_live()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("supervision"), "--Supervision:CheckIntervalSeconds=1"]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        for (var i = 0; i < 3; i++)
        {
            await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        }
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 3 });
        using var wang = await LoginAsync(server.BaseUrl, 1, "1001");
        using var li = await LoginAsync(server.BaseUrl, 2, "1002");
        await wang.PostAsync("/api/windows/1/call-next", null);
        await wang.PostAsync("/api/windows/1/start", null);
        await wang.PostAsync("/api/windows/1/finish", null);
        (await http.PostAsJsonAsync("/api/windows/1/rate", new { level = 5 })).EnsureSuccessStatusCode();
        await li.PostAsync("/api/windows/2/call-next", null);   // A002 is called at window 2
        await http.PostAsJsonAsync("/api/devices/status", new { deviceId = "kiosk-1/printer", kind = "printer", status = "paperOut" });

        var page = await chromium.NewPageAsync(1600, 900);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await LogInOnPageAsync(page, "9001", DemoCredentials.Pin);
        await Assertions.Expect(page.Locator("#who-name")).ToContainTextAsync("赵敏");
        var window1 = page.Locator(".window[data-window='1']");
        var window2 = page.Locator(".window[data-window='2']");
        await Assertions.Expect(window1.Locator(".clerk")).ToContainTextAsync("王丽");
        await Assertions.Expect(window1.Locator(".state")).ToHaveTextAsync("空闲");
        await Assertions.Expect(window2.Locator(".state")).ToHaveTextAsync("叫号中");
        await Assertions.Expect(window2.Locator(".num")).ToHaveTextAsync("A002");
        await Assertions.Expect(window2.Locator(".elapsed")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));
        await Assertions.Expect(page.Locator(".window[data-window='3'] .state")).ToHaveTextAsync("未登录");
        await Assertions.Expect(page.Locator("#queues tr[data-service='1'] .waiting")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#queues tr[data-service='3'] .waiting")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#kpi-issued")).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("#kpi-served")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#kpi-satisfaction")).ToHaveTextAsync("100.0%");
        await Assertions.Expect(page.Locator("#kpi-waiting")).ToHaveTextAsync("2");
        // The staffing chart (ECharts since issue 15): four arrivals at 9 and a recommended-windows line.
        await Assertions.Expect(page.Locator("#chart[data-rendered='true'] canvas")).ToHaveCountAsync(1);
        Assert.Equal("[4]", await SupervisionChartsTests.SeriesDataAsync(page, "chart", 0));
        Assert.Equal("建议窗口（Erlang C）", await SupervisionChartsTests.SeriesNameAsync(page, "chart", 2));
        await Assertions.Expect(page.Locator("#devices li[data-device='kiosk-1/printer']")).ToContainTextAsync("缺纸");

        // Live: a new ticket and a call arrive through the hub without reloading.
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        await Assertions.Expect(page.Locator("#queues tr[data-service='1'] .waiting")).ToHaveTextAsync("2");
        await wang.PostAsync("/api/windows/1/call-next", null);
        await Assertions.Expect(window1.Locator(".state")).ToHaveTextAsync("叫号中");
        await Assertions.Expect(window1.Locator(".num")).ToHaveTextAsync("A003");
        await Assertions.Expect(page.Locator("#kpi-issued")).ToHaveTextAsync("5");
        var printerAlert = page.Locator("#alerts li[data-kind='device']");
        await Assertions.Expect(printerAlert).ToContainTextAsync("kiosk-1/printer");
        await ChromiumFixture.ScreenshotAsync(page, "supervision-zh");
        await printerAlert.Locator("button").ClickAsync();
        await Assertions.Expect(printerAlert).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#alert-count")).ToHaveTextAsync("0");
        using var admin = AdministratorClient(server.BaseUrl);
        var open = await admin.GetFromJsonAsync<List<Hall.Contracts.Hub.AlertView>>("/api/alerts", Json.Options);
        Assert.DoesNotContain(open!, a => a.Kind == "device");

        await page.ClickAsync("#lang");
        await Assertions.Expect(window1.Locator(".state")).ToHaveTextAsync("Calling");
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Windows");
        await ChromiumFixture.ScreenshotAsync(page, "supervision-en");
    }

    [Fact]
    public async Task The_dashboard_advises_opening_a_window_for_a_group_nobody_serves()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("supervision-advice")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 3 });   // 不动产登记, group 国土规划
        using var li = await LoginAsync(server.BaseUrl, 2, "1002");        // window 2 serves only 市场准入

        var page = await chromium.NewPageAsync(1600, 900);
        await page.GotoAsync(server.BaseUrl + "/supervision");
        await Assertions.Expect(page.Locator("#advice")).ToContainTextAsync("建议为「国土规划」增开 1 个窗口");
        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#advice")).ToContainTextAsync("Open 1 more window(s) for 国土规划");
    }
}
