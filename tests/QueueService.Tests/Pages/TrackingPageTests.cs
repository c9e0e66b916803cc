using System.Net.Http.Json;
using Hall.Contracts.Api;
using Hall.QueueService.Tests.Infrastructure;
using Hall.TestSupport;
using Hall.TestSupport.Browser;
using Hall.TestSupport.Processes;
using Microsoft.Playwright;

namespace Hall.QueueService.Tests.Pages;

/// <summary>The page behind the QR code on a ticket, on a phone-sized screen.</summary>
public sealed class TrackingPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task The_tracking_link_shows_the_number_and_then_the_window_when_called()
    {
        await using var server = await HostProcess.StartAsync("QueueService", FreePort.Next(), ["--Queue:DataDirectory=" + TestPaths.NewTempDirectory("track")]);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 });
        var mine = await (await http.PostAsJsonAsync("/api/tickets", new { serviceId = 1 })).Content.ReadFromJsonAsync<IssuedTicket>(Json.Options);

        var page = await chromium.NewPageAsync(390, 844);
        await page.GotoAsync(mine!.TrackingUrl);
        await Assertions.Expect(page.Locator("#number")).ToHaveTextAsync("A002");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("等候中");
        await Assertions.Expect(page.Locator("#ahead")).ToHaveTextAsync("1");
        await ChromiumFixture.ScreenshotAsync(page, "tracking-waiting");

        var login = await (await http.PostAsJsonAsync("/api/windows/2/login", new { staffCode = "1002", pin = DemoCredentials.Pin })).Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        http.DefaultRequestHeaders.Authorization = new("Bearer", login!.Token);
        await http.PostAsync("/api/windows/2/call-next", null);
        await http.PostAsync("/api/windows/2/finish", null);
        await http.PostAsync("/api/windows/2/call-next", null);

        await Assertions.Expect(page.Locator("#called")).ToHaveTextAsync("请到 2 号窗口办理");
        await ChromiumFixture.ScreenshotAsync(page, "tracking-called");

        await page.ClickAsync("#lang");
        await Assertions.Expect(page.Locator("#called")).ToHaveTextAsync("Please go to window 2");

        // Finished as 补正: the page lists what to bring, once and in full (一次性告知).
        (await http.PostAsJsonAsync("/api/windows/2/finish", new { outcome = "supplement", missingMaterials = new[] { "营业执照副本", "法定代表人身份证复印件" } })).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("Please bring these missing materials");
        await Assertions.Expect(page.Locator("#outcome-materials li")).ToHaveTextAsync(["营业执照副本", "法定代表人身份证复印件"]);
        await page.ClickAsync("#lang");
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("需补正以下材料（一次性告知）");
        await ChromiumFixture.ScreenshotAsync(page, "tracking-supplement");
    }
}
