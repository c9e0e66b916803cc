using System.Net.Http.Json;
using System.Text.Json;
using Hall.Contracts.Api;
using Hall.QueueService.HallSetup;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Postgres;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.City;

/// <summary>The city's overview page in Chromium: a real city on PostgreSQL and a real hall uplinking to it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CityPageTests(PostgresServer postgres, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_city_page_shows_each_hall_live_with_its_forwarded_alerts_and_the_month_compared()
    {
        var cityDatabase = await postgres.CreateDatabaseAsync("city");
        await using var city = await HostProcess.StartAsync("QueueService", FreePort.Next(),
            ["--Queue:Database=postgres", "--ConnectionStrings:Queue=" + cityDatabase, "--Queue:Role=city"]);
        using var cityAdmin = new HttpClient { BaseAddress = new Uri(city.BaseUrl) };
        cityAdmin.DefaultRequestHeaders.Authorization = DemoCredentials.AdminAuthorization;
        var issued = await (await cityAdmin.PostAsJsonAsync("/api/admin/uplink-halls", new { hallId = "east", name = "东城区政务服务中心" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var folder = TestPaths.NewTempDirectory("city-page-hall");
        var file = Path.Combine(folder, "hall.json");
        await File.WriteAllTextAsync(file, HallFileLoader.Serialize(HallFileLoader.LoadDemoHall() with { Id = "east", Name = "东城区政务服务中心" }));
        await using var hall = await HostProcess.StartAsync("QueueService", FreePort.Next(),
        [
            "--Queue:DataDirectory=" + Path.Combine(folder, "data"), "--Queue:HallFile=" + file, "--Uplink:Url=" + city.BaseUrl,
            "--Uplink:HallKey=" + issued.GetProperty("key").GetString(), "--Uplink:PollInterval=00:00:00.200", "--Uplink:HeartbeatInterval=00:00:01",
        ]);
        using var http = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) };
        for (var i = 0; i < 3; i++)
        {
            (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).EnsureSuccessStatusCode();
        }
        var login = await (await http.PostAsJsonAsync("/api/windows/1/login", new { staffCode = "1001", pin = DemoCredentials.Pin }))
            .Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        (await http.PostAsync("/api/windows/1/call-next", null)).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/windows/1/finish", new { outcome = "completed" })).EnsureSuccessStatusCode();
        (await http.PostAsync("/api/windows/1/help", null)).EnsureSuccessStatusCode();

        var page = await chromium.NewPageAsync(1400, 900);
        await page.GotoAsync(city.BaseUrl + "/city/");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("请以值班长或管理员身份登录");
        await page.FillAsync("#login-staff", "9001");
        await page.FillAsync("#login-pin", DemoCredentials.Pin);
        await page.ClickAsync("#login-submit");

        var row = page.Locator("#halls tr[data-hall=east]");
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("东城区政务服务中心");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("在线", new() { Timeout = 20_000 });
        // Refreshed every 10 s: the figures and the forwarded 求助 alert arrive with the hall's batches.
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("2");
        await Assertions.Expect(row.Locator(".alert-line")).ToContainTextAsync("1", new() { Timeout = 30_000 });
        var comparison = page.Locator("#comparison tbody tr");
        await Assertions.Expect(comparison).ToHaveCountAsync(2);
        await Assertions.Expect(comparison.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(comparison.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("100.0%");
        await ChromiumFixture.ScreenshotAsync(page, "city-overview");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        Assert.StartsWith("city-monthly-report-", download.SuggestedFilename, StringComparison.Ordinal);

        await page.ClickAsync("#lang");
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("online");
        await Assertions.Expect(page.Locator("#halls-title")).ToHaveTextAsync("Halls now");

        // The hall's own dashboard shows its link to the city.
        var hallPage = await chromium.NewPageAsync(1400, 900);
        await hallPage.GotoAsync(hall.BaseUrl + "/supervision/");
        await Supervision.SupervisionPageTests.LogInOnPageAsync(hallPage, "9001", DemoCredentials.Pin);
        await Assertions.Expect(hallPage.Locator("#uplink [data-uplink=city]")).ToHaveTextAsync("市级服务器：" + city.BaseUrl);
        await Assertions.Expect(hallPage.Locator("#uplink [data-uplink=backlog]")).ToHaveTextAsync("待上报事件 0 条");
        await Assertions.Expect(hallPage.Locator("#uplink [data-uplink=last-success]")).ToContainTextAsync("最近一次成功");
        await ChromiumFixture.ScreenshotAsync(hallPage, "supervision-uplink");
    }
}
